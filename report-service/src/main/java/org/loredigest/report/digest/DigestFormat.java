package org.loredigest.report.digest;

import java.util.Locale;

/** Output formats of a digest. */
public enum DigestFormat {
    MD("text/markdown; charset=utf-8"), HTML("text/html; charset=utf-8"), JSON("application/json");

    private final String mediaType;

    DigestFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static DigestFormat of(String value) {
        try {
            return valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be md, html or json, got: '" + value + "'");
        }
    }
}
