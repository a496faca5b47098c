# The Newsgraph app for docker compose: Node 20, the built web app, and no local Neo4j
# (compose provides one through NEO4J_URI).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:web
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["npx", "tsx", "server/src/main.ts"]
