package org.loredigest.classify.domain.summary.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * A plain client of the OpenAI chat-completions protocol: one system and one user message in, the assistant's text
 * out, streamed (server-sent events) or not. Honours the concurrency limit, retries 429 and 5xx answers and
 * timeouts with backoff (the provider's Retry-After first), and spends from the daily {@link TokenBudget}.
 */
public final class ChatClient {

    private static final Logger LOG = Logger.getLogger(ChatClient.class);
    /** A Retry-After longer than this is treated as "not now": the thread falls back instead of blocking a worker. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final LlmSettings settings;
    private final ObjectMapper json;
    private final TokenBudget budget;
    private final HttpClient http;
    private final Semaphore inFlight;

    public ChatClient(LlmSettings settings, ObjectMapper json, TokenBudget budget) {
        this.settings = settings;
        this.json = json;
        this.budget = budget;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.inFlight = new Semaphore(settings.concurrency(), true);
    }

    public LlmSettings settings() {
        return settings;
    }

    public ChatAnswer complete(String system, String user) throws LlmUnavailableException, InterruptedException {
        if (!budget.available()) {
            throw new LlmUnavailableException("daily token budget of " + settings.dailyTokenBudget() + " spent");
        }
        byte[] body = requestBody(system, user);
        Duration backoff = settings.initialBackoff();
        String lastFailure = "no attempt";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait = backoff;
            inFlight.acquire();
            try {
                HttpResponse<InputStream> response = http.send(request(body), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    ChatAnswer answer = settings.stream() ? readStream(response.body(), user) : readJson(response.body(), user);
                    budget.spend(answer.totalTokens());
                    return answer;
                }
                String detail = drain(response.body());
                lastFailure = "HTTP " + status + ": " + detail;
                if (status != 429 && status < 500) {
                    throw new LlmUnavailableException("provider refused the request: " + lastFailure);
                }
                wait = retryAfter(response).orElse(backoff);
            } catch (HttpTimeoutException e) {
                lastFailure = "no answer within " + settings.timeout();
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } finally {
                inFlight.release();
            }
            if (attempt == settings.maxAttempts() || wait.compareTo(LONGEST_WAIT) > 0) {
                break;
            }
            LOG.debugf("chat completion attempt %d failed (%s); next in %s", attempt, lastFailure, wait);
            Thread.sleep(wait.toMillis());
            backoff = backoff.multipliedBy(2);
        }
        throw new LlmUnavailableException("no answer from " + settings.completionsUri() + ": " + lastFailure);
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.completionsUri()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", settings.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.apiKey().isBlank()) {
            b.header("Authorization", "Bearer " + settings.apiKey());
        }
        return b.build();
    }

    private byte[] requestBody(String system, String user) {
        ObjectNode root = json.createObjectNode();
        root.put("model", settings.model());
        root.put("temperature", settings.temperature());
        root.put("max_tokens", settings.maxTokens());
        root.put("stream", settings.stream());
        root.putObject("response_format").put("type", "json_object");
        var messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a chat request", e);
        }
    }

    private ChatAnswer readJson(InputStream body, String prompt) throws IOException, LlmUnavailableException {
        JsonNode root;
        try (body) {
            root = json.readTree(body);
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new LlmUnavailableException("chat completion without choices[0].message.content");
        }
        return withUsage(content.asText(), root.path("usage"), prompt);
    }

    /** Server-sent events: {@code data: {chunk}} lines, each with {@code choices[0].delta.content}, then {@code [DONE]}. */
    private ChatAnswer readStream(InputStream body, String prompt) throws IOException {
        StringBuilder content = new StringBuilder();
        JsonNode usage = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode chunk = json.readTree(data);
                JsonNode delta = chunk.path("choices").path(0).path("delta").path("content");
                if (delta.isTextual()) {
                    content.append(delta.asText());
                }
                if (chunk.hasNonNull("usage")) {
                    usage = chunk.get("usage");
                }
            }
        }
        return withUsage(content.toString(), usage == null ? json.missingNode() : usage, prompt);
    }

    private static ChatAnswer withUsage(String content, JsonNode usage, String prompt) {
        long in = usage.path("prompt_tokens").asLong(ChatAnswer.estimateTokens(prompt));
        long out = usage.path("completion_tokens").asLong(ChatAnswer.estimateTokens(content));
        return new ChatAnswer(content, in, out);
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip()))));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty(); // an HTTP date: use our own backoff
            }
        });
    }

    private static String drain(InputStream body) throws IOException {
        try (body) {
            byte[] head = body.readNBytes(300);
            return new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        }
    }
}
