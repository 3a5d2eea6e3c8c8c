package org.loredigest.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The header section of a raw message, unfolded, with just what a git commit of the message needs: who wrote it,
 * when, and the subject (RFC 2047 words decoded, as public-inbox does).
 */
final class HeaderBlock {

    private static final Pattern ANGLE_ADDRESS = Pattern.compile("^(.*)<([^<>]*)>\\s*$", Pattern.DOTALL);
    private static final Pattern COMMENT_NAME = Pattern.compile("^\\s*(\\S+@\\S+)\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);

    /** One header field, name as written. */
    record Field(String name, String value) {
    }

    /** A git ident: name and e-mail, free of the characters git rejects. */
    record Ident(String name, String email) {
        String git() {
            return name + " <" + email + ">";
        }
    }

    private final List<Field> fields;

    private HeaderBlock(List<Field> fields) {
        this.fields = fields;
    }

    static HeaderBlock parse(byte[] raw) {
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        StringBuilder current = null;
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int lineEnd = end > pos && raw[end - 1] == '\r' ? end - 1 : end;
            String line = decode(raw, pos, lineEnd - pos);
            pos = end + 1;
            if (line.isEmpty()) {
                break; // end of the header section
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.strip());
                continue;
            }
            if (current != null) {
                fields.add(toField(current.toString()));
            }
            current = new StringBuilder(line);
        }
        if (current != null) {
            fields.add(toField(current.toString()));
        }
        return new HeaderBlock(fields.stream().filter(f -> !f.name().isEmpty()).toList());
    }

    Optional<String> first(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    String subject() {
        return first("Subject").map(HeaderBlock::decodeWords).map(s -> s.replaceAll("[\\r\\n]+", " ").strip())
                .filter(s -> !s.isEmpty()).orElse("(no subject)");
    }

    /** Author from {@code From:}, else {@code Sender:}. */
    Ident author() {
        return first("From").flatMap(HeaderBlock::ident).or(() -> first("Sender").flatMap(HeaderBlock::ident))
                .orElse(new Ident("unknown", ""));
    }

    /** When it was written: {@code Date:}, else the newest {@code Received:} stamp. */
    Optional<MailDate> written() {
        return first("Date").flatMap(MailDate::parse).or(this::received);
    }

    /** When the list got it: the newest {@code Received:} stamp, else {@code Date:}. */
    Optional<MailDate> arrived() {
        return received().or(() -> first("Date").flatMap(MailDate::parse));
    }

    private Optional<MailDate> received() {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase("Received"))
                .map(f -> MailDate.parse(afterLastSemicolon(f.value())))
                .flatMap(Optional::stream).findFirst();
    }

    static Optional<Ident> ident(String value) {
        String address = value.strip();
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String name;
        String email;
        Matcher angle = ANGLE_ADDRESS.matcher(address);
        Matcher comment = COMMENT_NAME.matcher(address);
        if (angle.matches()) {
            name = angle.group(1);
            email = angle.group(2);
        } else if (comment.matches()) {
            name = comment.group(2);
            email = comment.group(1);
        } else {
            name = "";
            email = address;
        }
        name = clean(decodeWords(name.strip()).replaceAll("^\"|\"$", "").replace("\\\"", "\""));
        email = clean(email);
        if (name.isEmpty()) {
            int at = email.indexOf('@');
            name = at > 0 ? email.substring(0, at) : email.isEmpty() ? "unknown" : email;
        }
        return Optional.of(new Ident(name, email));
    }

    /** git idents cannot hold angle brackets or line breaks. */
    private static String clean(String text) {
        return text.replaceAll("[<>\\r\\n\\x00]", "").strip();
    }

    private static String decodeWords(String text) {
        try {
            return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static String afterLastSemicolon(String received) {
        int semicolon = received.lastIndexOf(';');
        return semicolon >= 0 ? received.substring(semicolon + 1) : received;
    }

    private static Field toField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return new Field("", line);
        }
        return new Field(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }

    /** Raw 8-bit headers are usually UTF-8; anything else is read byte for byte. */
    private static String decode(byte[] raw, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public String toString() {
        return fields.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
