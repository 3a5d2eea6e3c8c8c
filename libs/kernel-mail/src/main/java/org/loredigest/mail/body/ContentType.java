package org.loredigest.mail.body;

import java.util.Locale;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/** A Content-Type value read with mime4j's field parser; text/plain (RFC 2045 default) when absent or broken. */
public record ContentType(String mimeType, String charset, String boundary, String name) {

    public static final ContentType DEFAULT = new ContentType("text/plain", null, null, null);

    public static ContentType parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            RawBody body = RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", value));
            String type = body.getValue() == null ? "" : body.getValue().strip().toLowerCase(Locale.ROOT);
            if (type.indexOf('/') <= 0) {
                type = "text/plain";
            }
            String charset = null;
            String boundary = null;
            String name = null;
            for (NameValuePair p : body.getParams()) {
                String key = p.getName().toLowerCase(Locale.ROOT);
                switch (key) {
                    case "charset" -> charset = p.getValue();
                    case "boundary" -> boundary = p.getValue();
                    case "name" -> name = p.getValue();
                    default -> {
                    }
                }
            }
            return new ContentType(type, charset, boundary, name);
        } catch (RuntimeException e) {
            return DEFAULT;
        }
    }

    public boolean multipart() {
        return mimeType.startsWith("multipart/");
    }

    public boolean html() {
        return mimeType.equals("text/html");
    }

    public boolean text() {
        return mimeType.startsWith("text/");
    }

    /** Types git and mail clients use for patch attachments. */
    public static boolean patchLike(String mimeType, String fileName) {
        if (mimeType.equals("text/x-patch") || mimeType.equals("text/x-diff") || mimeType.equals("application/x-patch")
                || mimeType.equals("text/x-diff-file") || mimeType.equals("application/x-diff")) {
            return true;
        }
        String f = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".patch") || f.endsWith(".diff");
    }
}
