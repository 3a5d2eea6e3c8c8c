package org.loredigest.mail.body;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.james.mime4j.util.CharsetUtil;
import org.loredigest.mail.MailProblem;

/**
 * Bytes to text with the fallbacks real list mail needs: a declared charset is trusted unless the bytes are
 * valid UTF-8 while the declaration says a single-byte charset (a common mis-declaration), and invalid UTF-8
 * is read as windows-1252 rather than turned into replacement characters.
 */
public final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    public static String decode(byte[] bytes, int offset, int length, String declaredCharset, List<MailProblem> problems) {
        Charset declared = lookup(declaredCharset);
        if (declaredCharset != null && !declaredCharset.isBlank() && declared == null) {
            problems.add(MailProblem.of("charset-unknown", "unknown charset '" + declaredCharset + "', guessing"));
        }
        if (declared != null && !asciiCompatible(declared)) {
            return new String(bytes, offset, length, declared);
        }
        if (isAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        String utf8 = strictUtf8(bytes, offset, length);
        if (utf8 != null) {
            if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
                problems.add(MailProblem.of("charset-mismatch",
                        "declared " + declared.name() + " but the text is valid UTF-8; read as UTF-8"));
            } else if (declared != null && declared.equals(StandardCharsets.US_ASCII)) {
                problems.add(MailProblem.of("charset-mismatch", "declared US-ASCII but 8-bit UTF-8 text found"));
            }
            return utf8;
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
            return new String(bytes, offset, length, declared);
        }
        problems.add(MailProblem.of("charset-invalid",
                "text is not valid " + (declared == null ? "UTF-8" : declared.name()) + "; read as windows-1252"));
        return new String(bytes, offset, length, WINDOWS_1252);
    }

    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        if (n.length() > 1 && n.charAt(0) == '"' && n.charAt(n.length() - 1) == '"') {
            n = n.substring(1, n.length() - 1);
        }
        try {
            return CharsetUtil.lookup(n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean asciiCompatible(Charset cs) {
        String n = cs.name();
        return !(n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.startsWith("ISO-2022") || n.equals("UTF-7")
                || n.startsWith("x-UTF-16"));
    }

    static boolean isAscii(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
