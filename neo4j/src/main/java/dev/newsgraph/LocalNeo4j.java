package dev.newsgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j Community DBMS with Bolt on 127.0.0.1 and keeps it running
 * until SIGINT/SIGTERM or until standard input closes. Watching stdin is how the JVM
 * follows its Node parent: if the parent dies without a signal (kill -9), the pipe
 * closes and the database still shuts down cleanly, so no orphan JVM holds the store lock.
 *
 * Usage: LocalNeo4j --data DIR --port N [--pagecache 256m]
 * Authentication is on: the user neo4j gets the password in NEWSGRAPH_NEO4J_PASSWORD (set by
 * the Node side from the data folder's secret file; passed by environment, not argument).
 * Prints "NEWSGRAPH_NEO4J_READY bolt://127.0.0.1:N" on stdout once Bolt accepts connections.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        String data = null;
        int port = 7687;
        String pagecache = "256m";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--data" -> { data = require(a, v); i++; }
                case "--port" -> { port = Integer.parseInt(require(a, v)); i++; }
                case "--pagecache" -> { pagecache = require(a, v); i++; }
                default -> fail("unknown argument " + a);
            }
        }
        if (data == null) fail("--data DIR is required");
        String password = System.getenv("NEWSGRAPH_NEO4J_PASSWORD");
        if (password == null || password.length() < 16) fail("NEWSGRAPH_NEO4J_PASSWORD (16+ characters) is required");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(data).toAbsolutePath())
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
            .build();

        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            dbms.shutdown();
            stop.countDown();
        }, "newsgraph-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        // Until this runs, the only login Bolt accepts is the built-in neo4j/neo4j, which may do
        // nothing but change its password; we set ours over it (embedded code needs no login).
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Setting the password it already has is refused: nothing to do then.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }

        // The default database is started by build(); make sure it answers before announcing readiness.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("NEWSGRAPH_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();

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
        }, "newsgraph-neo4j-stdin");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        stop.await();
    }

    private static String require(String flag, String value) {
        if (value == null) fail(flag + " needs a value");
        return value;
    }

    private static void fail(String message) {
        System.err.println("LocalNeo4j: " + message);
        System.exit(2);
    }
}
