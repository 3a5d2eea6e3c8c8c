package org.loredigest.ingest.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The one way this service talks HTTP to lore: a clear User-Agent, at most {@code requestsPerSecond} requests started
 * per second across all sources, and on 429 and 5xx (or a broken connection) a retry after an exponential backoff,
 * or after the server's Retry-After when it sends one. A retry wait holds back every request of the client, not
 * only the one retried: lore limits per client address, so one source's 429 is every source's. A Retry-After
 * longer than the longest backoff is not cut short; the request fails instead and the source tries again later.
 *
 * <p>Every request and every redirect hop passes the {@link Guard} first (the service's source policy): redirects
 * are followed here, not by the JDK client, so that none leads off the allowed hosts, from https to http, or further
 * than {@value #MAX_REDIRECTS} hops.
 */
public final class PoliteHttp {

    private static final Logger LOG = Logger.getLogger(PoliteHttp.class.getName());
    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    static final int MAX_REDIRECTS = 5;

    /** Decides whether a request may be sent to a URI; throws (unchecked) with the reason when not. */
    @FunctionalInterface
    public interface Guard {
        void check(URI uri);
    }

    /** Waits; replaceable so tests of the retry rules do not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient client;
    private final Guard guard;
    private final String userAgent;
    private final Duration minSpacing;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final Clock clock;
    private Instant nextStart = Instant.EPOCH;

    /**
     * @param client a client that does not follow redirects itself ({@link HttpClient.Redirect#NEVER}, the default)
     * @param guard  consulted before every request and redirect hop
     */
    public PoliteHttp(HttpClient client, Guard guard, String userAgent, double requestsPerSecond, int maxAttempts,
                      Duration firstBackoff, Duration maxBackoff, Duration timeout, Sleeper sleeper, Clock clock) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requests per second must be positive, got " + requestsPerSecond);
        }
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the client must leave redirects to PoliteHttp, which checks each hop");
        }
        this.client = client;
        this.guard = guard;
        this.userAgent = userAgent;
        this.minSpacing = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Sends the request, retrying and following redirects as described above. Returns the first response that is
     * neither retried nor a redirect (2xx, other 4xx, 3xx without Location); its body must be closed by the caller.
     *
     * @throws HttpStatusException      when the last attempt still got a retried status, or the server asked for a
     *                                  wait longer than the longest backoff
     * @throws RequestRefusedException  when a redirect leads where the guard does not allow
     * @throws RuntimeException         the guard's refusal of the request itself, before anything is sent
     */
    public HttpResponse<InputStream> send(HttpRequest.Builder request) throws IOException {
        HttpRequest built = request.timeout(timeout).setHeader("User-Agent", userAgent).build();
        guard.check(built.uri());
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = sendWithRetries(built);
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            response.body().close();
            URI target = redirectTarget(built, location.get(), response.statusCode(), hop);
            built = redirected(built, target, response.statusCode());
        }
    }

    /** The next hop of a redirect, refused when it leaves what the guard allows. */
    private URI redirectTarget(HttpRequest from, String location, int status, int hop) throws IOException {
        String step = from.method() + " " + from.uri() + " answered " + status + " to " + location;
        if (hop + 1 > MAX_REDIRECTS) {
            throw new IOException(step + ": more than " + MAX_REDIRECTS + " redirects in a row");
        }
        URI target;
        try {
            target = from.uri().resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(step + ": not a URL", e);
        }
        if ("https".equalsIgnoreCase(from.uri().getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            throw new IOException(step + ": a redirect from https to another scheme is not followed");
        }
        try {
            guard.check(target);
        } catch (RuntimeException refused) {
            throw new RequestRefusedException(step + "; redirect not followed: " + refused.getMessage(), refused);
        }
        return target;
    }

    /** As browsers and the JDK client do: 303, and 301/302 after a POST, continue with a GET. */
    private static HttpRequest redirected(HttpRequest from, URI target, int status) {
        boolean toGet = status == 303 && !from.method().equals("HEAD")
                || (status == 301 || status == 302) && from.method().equals("POST");
        HttpRequest.Builder next = HttpRequest.newBuilder(from,
                (name, value) -> !(toGet && name.equalsIgnoreCase("Content-Type"))).uri(target);
        return (toGet ? next.GET() : next).build();
    }

    private HttpResponse<InputStream> sendWithRetries(HttpRequest built) throws IOException {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            awaitTurn();
            HttpResponse<InputStream> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted during " + built.uri(), e);
            } catch (IOException e) {
                lastFailure = e;
                retryLater(built, attempt, backoff(attempt), e);
                continue;
            }
            if (!RETRIED.contains(response.statusCode())) {
                return response;
            }
            response.body().close();
            lastFailure = new HttpStatusException(built.method() + " " + built.uri() + " answered "
                    + response.statusCode() + " after " + attempt + " attempt(s)", response.statusCode());
            Optional<Duration> asked = retryAfter(response);
            if (asked.isPresent() && asked.get().compareTo(maxBackoff) > 0) {
                holdOff(maxBackoff);
                throw new HttpStatusException(lastFailure.getMessage() + "; its Retry-After of " + asked.get()
                        + " is longer than the longest backoff " + maxBackoff + ", so no retry now",
                        response.statusCode());
            }
            retryLater(built, attempt, asked.orElse(backoff(attempt)), lastFailure);
        }
        throw lastFailure;
    }

    private void retryLater(HttpRequest request, int attempt, Duration wait, IOException failure) {
        if (attempt < maxAttempts) {
            LOG.info("retrying " + request.uri() + " in " + wait + " (" + failure.getMessage() + ")");
            holdOff(wait); // the next awaitTurn waits it out
        }
    }

    /** Backoff before attempt {@code attempt + 1}: first, 2x, 4x ..., capped. */
    Duration backoff(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(20, attempt - 1));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Retry-After in seconds or as an HTTP date. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                LOG.warning("ignoring unreadable Retry-After '" + value + "' from " + response.uri());
                return Optional.empty();
            }
        }
    }

    /** No request of this client starts earlier than {@code wait} from now. */
    private synchronized void holdOff(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(nextStart)) {
            nextStart = until;
        }
    }

    /** The guard's verdict on a request another HTTP stack (JGit's transport) is about to make. */
    public void checkAllowed(URI uri) {
        guard.check(uri);
    }

    public String userAgent() {
        return userAgent;
    }

    /** Waits for this client's next request slot, for a request another HTTP stack (JGit's transport) makes. */
    public void awaitTurn() throws IOException {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant start = nextStart.isAfter(now) ? nextStart : now;
            nextStart = start.plus(minSpacing);
            wait = Duration.between(now, start);
        }
        if (!wait.isZero()) {
            pause(wait);
        }
    }

    private void pause(Duration wait) throws IOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to call lore", e);
        }
    }
}
