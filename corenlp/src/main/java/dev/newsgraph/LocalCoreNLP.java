package dev.newsgraph;

import com.sun.net.httpserver.HttpServer;
import edu.stanford.nlp.pipeline.StanfordCoreNLPServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stanford CoreNLP's own HTTP server (same protocol, same handlers) bound to 127.0.0.1 only.
 * The stock launcher listens on every interface and has no option to change that; a local
 * annotation service must not be reachable from the network, so this subclass creates the
 * listening socket itself and registers CoreNLP's handlers on it.
 *
 * The JVM follows its Node parent by watching stdin: when the pipe closes (the parent died,
 * even by kill -9) the server exits, so no orphan JVM keeps 3 GB of models in memory.
 *
 * Usage: LocalCoreNLP --port N [--threads N] [--timeout MS] [--host ADDRESS] [--no-stdin-watch]
 * (--host 0.0.0.0 and --no-stdin-watch are for a container, where the network is the container's
 * own and stdin is closed.)
 * Prints "NEWSGRAPH_CORENLP_READY http://127.0.0.1:N" on stdout once the port accepts requests;
 * models load on the first request (the Node side sends a warm-up document).
 */
public final class LocalCoreNLP extends StanfordCoreNLPServer {
    private final Properties props;
    private final int threads;

    private final InetAddress host;

    private LocalCoreNLP(Properties props, int port, int timeoutMs, int threads, InetAddress host) throws IOException {
        super(props, port, timeoutMs, false);
        this.props = props;
        this.threads = threads;
        this.host = host;
    }

    private void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, serverPort), 0);
        AtomicBoolean live = new AtomicBoolean(true);
        server.createContext("/", new CoreNLPHandler(props, p -> true, r -> { }, null, "/"));
        server.createContext("/ready", new ReadyHandler(live));
        server.createContext("/live", new ReadyHandler(live));
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int timeout = 120_000;
        InetAddress host = InetAddress.getLoopbackAddress();
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> { port = Integer.parseInt(require("--port", value)); i++; }
                case "--threads" -> { threads = Integer.parseInt(require("--threads", value)); i++; }
                case "--timeout" -> { timeout = Integer.parseInt(require("--timeout", value)); i++; }
                case "--host" -> { host = InetAddress.getByName(require("--host", value)); i++; }
                case "--no-stdin-watch" -> watchStdin = false;
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (port <= 0) fail("--port is required");
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("threads", String.valueOf(threads));
        props.setProperty("quiet", "true");
        LocalCoreNLP server = new LocalCoreNLP(props, port, timeout, threads, host);
        server.serve();
        System.out.println("NEWSGRAPH_CORENLP_READY http://127.0.0.1:" + port);
        System.out.flush();
        if (!watchStdin) return;

        Thread stdinWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // Any input is ignored; only end-of-stream matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, same as EOF.
            }
            System.exit(0);
        }, "newsgraph-corenlp-stdin");
        stdinWatch.setDaemon(false);
        stdinWatch.start();
    }

    private static String require(String flag, String value) {
        if (value == null) fail(flag + " needs a value");
        return value;
    }

    private static void fail(String message) {
        System.err.println("LocalCoreNLP: " + message);
        System.exit(2);
    }
}
