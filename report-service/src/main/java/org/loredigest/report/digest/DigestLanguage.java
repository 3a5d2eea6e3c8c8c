package org.loredigest.report.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Languages a digest is written in; Chinese follows the wording of the reference weekly issue. */
public enum DigestLanguage {
    ZH("zh"), EN("en");

    private final String code;
    private final Map<String, String> labels;

    DigestLanguage(String code) {
        this.code = code;
        this.labels = load(code);
    }

    public String code() {
        return code;
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static DigestLanguage of(String code) {
        for (DigestLanguage lang : values()) {
            if (lang.code.equals(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))) {
                return lang;
            }
        }
        throw new IllegalArgumentException("lang must be zh or en, got: '" + code + "'");
    }

    private static Map<String, String> load(String code) {
        Properties props = new Properties();
        try (InputStream in = DigestLanguage.class.getResourceAsStream("/digest/labels_" + code + ".properties")) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("labels for " + code + " are missing from the classpath", e);
        }
        Map<String, String> map = new TreeMap<>();
        props.forEach((k, v) -> map.put((String) k, (String) v));
        return Map.copyOf(map);
    }
}
