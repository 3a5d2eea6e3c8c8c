package org.loredigest.report.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into lore.kernel.org, built the way public-inbox expects them (Message-ID percent-encoded as a path part). */
public final class LoreLinks {

    public static final String BASE = "https://lore.kernel.org/";

    private LoreLinks() {
    }

    public static String message(String list, String messageId) {
        return BASE + encode(list) + "/" + encode(messageId) + "/";
    }

    private static String encode(String part) {
        // public-inbox keeps '@' and most punctuation readable; only what would break a path is escaped.
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
