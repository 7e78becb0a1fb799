// Starter kit for the Price Lookup challenge, in Java 17 with the JDK's own HTTP server
// (com.sun.net.httpserver). It builds and starts as it is; the price endpoints answer 501 until you
// implement them. Read ../brief.md for what the grader checks.
//
// Environment: UPSTREAM_URL is the pricing upstream's base address (http://upstream:8080 when graded);
// java.net.http.HttpClient calls it.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public final class Main {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
        // A context takes every path that starts with it, so the probes check theirs exactly.
        server.createContext("/health/live", probe("/health/live", "{\"status\":\"live\"}"));
        server.createContext("/health/ready", probe("/health/ready", "{\"status\":\"ready\"}"));
        server.createContext("/prices/", Main::notImplemented); // GET /prices/{sku}
        server.createContext("/invalidations", Main::notImplemented); // POST an invalidation event
        // The default runs every request on one thread; these run side by side.
        ExecutorService workers = Executors.newFixedThreadPool(32);
        server.setExecutor(workers);
        server.start();
        System.out.println("listening on :" + port + ", upstream at " + System.getenv().getOrDefault("UPSTREAM_URL", "http://localhost:9000"));

        // The grader stops the service with SIGTERM. The JVM then runs its shutdown hooks and would
        // exit 143; this one lets the requests in flight finish (stop waits for them, at most 5 s)
        // and exits 0, which says the service stopped on purpose. Put your own clean-up before halt.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(5);
            workers.shutdown();
            System.out.println("stopped");
            Runtime.getRuntime().halt(0);
        }));
    }

    /** Answers the body as JSON on exactly this path, 404 on any longer path its context catches. */
    private static HttpHandler probe(String path, String body) {
        return exchange -> {
            if (exchange.getRequestURI().getPath().equals(path)) {
                json(exchange, 200, body);
            } else {
                empty(exchange, 404);
            }
        };
    }

    private static void notImplemented(HttpExchange exchange) throws IOException {
        empty(exchange, 501);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
