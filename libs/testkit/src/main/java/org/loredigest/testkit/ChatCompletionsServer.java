package org.loredigest.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A real HTTP server on loopback speaking the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}),
 * scripted per test: each request takes the next {@link Reply} (429 with Retry-After, 500, a slow answer, malformed
 * content, a valid answer), and when the script is empty the default answer is computed from the request. Answers
 * honour {@code "stream": true} with server-sent event chunks, as providers do.
 */
public final class ChatCompletionsServer implements AutoCloseable {

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

    /** One scripted answer: an HTTP status, optional Retry-After, a delay before answering, the assistant content. */
    public record Reply(int status, String retryAfter, Duration delay, String content) {

        public static Reply content(String assistantContent) {
            return new Reply(200, null, Duration.ZERO, assistantContent);
        }

        public static Reply tooManyRequests(int retryAfterSeconds) {
            return new Reply(429, String.valueOf(retryAfterSeconds), Duration.ZERO, null);
        }

        public static Reply serverError() {
            return new Reply(500, null, Duration.ZERO, null);
        }

        public static Reply slow(Duration delay, String assistantContent) {
            return new Reply(200, null, delay, assistantContent);
        }
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private volatile Function<String, String> defaultAnswer = body -> "{}";

    public ChatCompletionsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/v1}, the base URL a client is configured with. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public synchronized ChatCompletionsServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    /** The assistant content when no scripted reply is left, computed from the raw request body. */
    public ChatCompletionsServer answerWith(Function<String, String> answer) {
        this.defaultAnswer = answer;
        return this;
    }

    /** Request bodies received so far, in order. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply;
            synchronized (this) {
                requests.add(body);
                reply = script.isEmpty() ? Reply.content(defaultAnswer.apply(body)) : script.poll();
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.status() != 200) {
                if (reply.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
                }
                send(exchange, reply.status(), "application/json",
                        "{\"error\":{\"message\":\"scripted " + reply.status() + "\",\"type\":\"test\"}}");
            } else if (STREAM.matcher(body).find()) {
                send(exchange, 200, "text/event-stream", events(reply.content()));
            } else {
                send(exchange, 200, "application/json", "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\","
                        + "\"model\":\"test\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + quote(reply.content()) + "},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50,\"total_tokens\":150}}");
            }
        }
    }

    /** The content in chunks of 40 characters, then a usage chunk and {@code [DONE]}. */
    private static String events(String content) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < content.length(); i += 40) {
            String piece = content.substring(i, Math.min(content.length(), i + 40));
            sb.append("data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":").append(quote(piece)).append("}}]}\n\n");
        }
        sb.append("data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50}}\n\n");
        return sb.append("data: [DONE]\n\n").toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
