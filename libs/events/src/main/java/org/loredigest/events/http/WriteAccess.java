package org.loredigest.events.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call a service's write endpoints (every method but GET, HEAD and OPTIONS). With an API key configured,
 * callers that send it in {@value #HEADER}; without one, callers on this host only, so a local stack works without
 * set-up and nothing is writable from the network. Plain Java, so every service applies the same rule through a
 * thin request filter of its own.
 */
public final class WriteAccess {

    public static final String HEADER = "X-Api-Key";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** Why a request is refused: the HTTP status to answer and a message saying what to do. */
    public record Refusal(int status, String message) {
    }

    private final Optional<String> apiKey;
    private final String keySetting;

    /**
     * @param apiKey     the configured key; empty or blank means none
     * @param keySetting where the key is configured, for messages, e.g. {@code lore.report.api-key / LORE_REPORT_API_KEY}
     */
    public WriteAccess(Optional<String> apiKey, String keySetting) {
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.keySetting = keySetting;
    }

    /** Anything but a read counts as a write, so an unusual method cannot slip past the key. */
    public static boolean isWrite(String method) {
        return method == null || !READS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * @param method        the request's HTTP method
     * @param remoteAddress the caller's IP address, null when unknown
     * @param givenKey      the value of {@value #HEADER}, null when absent
     * @return the refusal, or empty when the request may go on
     */
    public Optional<Refusal> check(String method, String remoteAddress, String givenKey) {
        if (!isWrite(method)) {
            return Optional.empty();
        }
        if (apiKey.isEmpty()) {
            return isLoopback(remoteAddress) ? Optional.empty() : Optional.of(new Refusal(403,
                    "write requests are accepted from this host only until an API key is configured (" + keySetting + ")"));
        }
        // constant-time comparison: the answer time must not reveal how much of a guessed key was right
        if (givenKey == null || !MessageDigest.isEqual(givenKey.getBytes(StandardCharsets.UTF_8),
                apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Refusal(401, "write requests need the header " + HEADER + " with the API key"));
        }
        return Optional.empty();
    }

    private static boolean isLoopback(String address) {
        // only IP literals count: a host name would mean a DNS look-up whose answer a caller might influence
        if (address == null || address.isBlank() || !(address.indexOf(':') >= 0 || address.chars().allMatch(
                c -> c == '.' || Character.isDigit(c)))) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
