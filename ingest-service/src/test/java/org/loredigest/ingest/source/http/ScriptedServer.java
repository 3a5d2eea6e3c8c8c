package org.loredigest.ingest.source.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A real HTTP server on loopback (the JDK's) that answers from a script, in order, then 200 "ok": the answers lore
 * gives a client that asks too often (429, 503 with or without Retry-After) or a connection that breaks.
 */
final class ScriptedServer implements AutoCloseable {

    /** One scripted answer; {@code status} 0 drops the connection without answering. */
    record Answer(int status, Supplier<Map<String, String>> headers) {
        static Answer of(int status) {
            return new Answer(status, Map::of);
        }

        static Answer of(int status, String header, String value) {
            return new Answer(status, () -> Map.of(header, value));
        }

        static Answer of(int status, String header, Supplier<String> value) {
            return new Answer(status, () -> Map.of(header, value.get()));
        }
    }

    /** What arrived: when (System.nanoTime), how, from whom. */
    record Request(long arrivedNanos, String method, String path, String userAgent) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized ScriptedServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        synchronized (this) {
            requests.add(new Request(System.nanoTime(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("User-Agent")));
            answer = script.isEmpty() ? Answer.of(200) : script.poll();
        }
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (answer.status() == 0) {
                return; // closing without a status line: the client sees a broken connection
            }
            answer.headers().get().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = (answer.status() == 200 ? "ok" : "status " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
