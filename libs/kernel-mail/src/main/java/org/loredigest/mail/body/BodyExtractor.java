package org.loredigest.mail.body;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.loredigest.mail.MailProblem;
import org.loredigest.mail.header.RawHeader;

/**
 * Picks and decodes the text of a message. Single-part mail (most list traffic) is decoded directly with
 * mime4j's transfer-encoding codecs; multipart mail goes through mime4j's streaming parser.
 */
public final class BodyExtractor {

    private static final MimeConfig MIME_CONFIG = MimeConfig.custom()
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(true)
            .build();

    private BodyExtractor() {
    }

    public static ExtractedBody extract(RawHeader header, List<MailProblem> problems) {
        byte[] raw = header.raw();
        ContentType type = ContentType.parse(header.get("content-type"));
        if (type.multipart()) {
            try {
                return multipart(raw, type, problems);
            } catch (IOException | MimeException | RuntimeException e) {
                problems.add(MailProblem.of("mime-broken", "multipart structure unreadable (" + e.getMessage()
                        + "); using the raw body"));
            }
        }
        int offset = header.bodyOffset();
        byte[] decoded = decodeTransfer(raw, offset, raw.length - offset, header.get("content-transfer-encoding"), problems);
        int start = decoded == raw ? offset : 0;
        int length = decoded == raw ? raw.length - offset : decoded.length;
        String text = TextDecoding.decode(decoded, start, length, type.charset(), problems);
        if (type.html()) {
            return new ExtractedBody(HtmlText.toText(text), type.mimeType(), true, false, List.of());
        }
        if (!type.text() && !type.multipart()) {
            problems.add(MailProblem.of("body-not-text", "top-level type " + type.mimeType() + " read as text"));
        }
        return new ExtractedBody(text, type.mimeType(), false, text.contains("-----BEGIN PGP SIGNED MESSAGE-----"), List.of());
    }

    /** Undoes base64 / quoted-printable; returns the input array itself for 7bit/8bit/binary. */
    static byte[] decodeTransfer(byte[] raw, int offset, int length, String encoding, List<MailProblem> problems) {
        String cte = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        InputStream in;
        if (cte.equals("base64")) {
            in = new Base64InputStream(new ByteArrayInputStream(raw, offset, length), DecodeMonitor.SILENT);
        } else if (cte.equals("quoted-printable")) {
            in = new QuotedPrintableInputStream(new ByteArrayInputStream(raw, offset, length), DecodeMonitor.SILENT);
        } else {
            if (!cte.isEmpty() && !cte.equals("7bit") && !cte.equals("8bit") && !cte.equals("binary")) {
                problems.add(MailProblem.of("transfer-encoding-unknown", "unknown Content-Transfer-Encoding '" + encoding + "'"));
            }
            return raw;
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            problems.add(MailProblem.of("transfer-encoding-broken", cte + " body could not be decoded: " + e.getMessage()));
            return raw;
        }
    }

    private static ExtractedBody multipart(byte[] raw, ContentType top, List<MailProblem> problems) throws IOException, MimeException {
        PartCollector collector = new PartCollector();
        MimeStreamParser parser = new MimeStreamParser(MIME_CONFIG);
        parser.setContentDecoding(true);
        parser.setContentHandler(collector);
        parser.parse(new ByteArrayInputStream(raw));
        return collector.assemble(top, problems);
    }

    /** One leaf part as mime4j delivered it. */
    private record Leaf(String mimeType, String charset, byte[] bytes, boolean attachment, String fileName, int alternativeGroup) {
    }

    private static final class PartCollector extends AbstractContentHandler {
        private final List<Leaf> leaves = new ArrayList<>();
        private final List<Integer> alternativeStack = new ArrayList<>();
        private int nextGroup;
        private boolean signed;
        private String disposition;
        private String dispositionName;

        @Override
        public void startHeader() {
            disposition = null;
            dispositionName = null;
        }

        @Override
        public void field(Field field) {
            if (field.getName().equalsIgnoreCase("Content-Disposition")) {
                String body = field.getBody() == null ? "" : field.getBody();
                disposition = body.strip().toLowerCase(Locale.ROOT);
                ContentType asParams = ContentType.parse("x/x; " + stripDispositionType(body).replace("filename", "name"));
                dispositionName = asParams.name();
            }
        }

        private static String stripDispositionType(String body) {
            int semicolon = body.indexOf(';');
            return semicolon < 0 ? "" : body.substring(semicolon + 1);
        }

        @Override
        public void startMultipart(BodyDescriptor bd) {
            String sub = bd.getSubType() == null ? "" : bd.getSubType().toLowerCase(Locale.ROOT);
            if (sub.equals("signed")) {
                signed = true;
            }
            alternativeStack.add(sub.equals("alternative") ? nextGroup++ : -1);
        }

        @Override
        public void endMultipart() {
            if (!alternativeStack.isEmpty()) {
                alternativeStack.remove(alternativeStack.size() - 1);
            }
        }

        @Override
        public void body(BodyDescriptor bd, InputStream is) throws IOException {
            byte[] bytes = is.readAllBytes();
            int group = alternativeStack.isEmpty() ? -1 : alternativeStack.get(alternativeStack.size() - 1);
            String mime = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
            boolean attachment = disposition != null && disposition.startsWith("attachment");
            leaves.add(new Leaf(mime, bd.getCharset(), bytes, attachment, dispositionName, group));
        }

        ExtractedBody assemble(ContentType top, List<MailProblem> problems) {
            StringBuilder text = new StringBuilder();
            List<Attachment> attachments = new ArrayList<>();
            boolean htmlOnly = true;
            boolean anyText = false;
            for (int i = 0; i < leaves.size(); i++) {
                Leaf leaf = leaves.get(i);
                String name = leaf.fileName() == null ? "" : leaf.fileName();
                if (leaf.mimeType().equals("application/pgp-signature") || leaf.mimeType().equals("application/pkcs7-signature")
                        || leaf.mimeType().equals("application/x-pkcs7-signature")) {
                    signed = true;
                    continue;
                }
                if (leaf.alternativeGroup() >= 0 && chosenInGroup(leaf.alternativeGroup()) != i) {
                    continue;
                }
                boolean patch = ContentType.patchLike(leaf.mimeType(), name);
                boolean plain = leaf.mimeType().equals("text/plain") && !leaf.attachment();
                boolean html = leaf.mimeType().equals("text/html") && !leaf.attachment();
                if (plain || patch || html) {
                    String part = TextDecoding.decode(leaf.bytes(), 0, leaf.bytes().length, leaf.charset(), problems);
                    if (html) {
                        part = HtmlText.toText(part);
                    } else {
                        htmlOnly = false;
                    }
                    anyText = true;
                    appendPart(text, part);
                    if (patch || leaf.attachment() || !name.isEmpty()) {
                        attachments.add(new Attachment(name, leaf.mimeType(), leaf.bytes().length, true));
                    }
                } else {
                    attachments.add(new Attachment(name, leaf.mimeType(), leaf.bytes().length, false));
                }
            }
            if (!anyText) {
                problems.add(MailProblem.of("body-no-text", "no text part in " + top.mimeType()));
                htmlOnly = false;
            }
            return new ExtractedBody(text.toString(), top.mimeType(), htmlOnly, signed, List.copyOf(attachments));
        }

        /** Within one multipart/alternative: the first text/plain part, else the first text/html part. */
        private int chosenInGroup(int group) {
            int html = -1;
            for (int i = 0; i < leaves.size(); i++) {
                Leaf leaf = leaves.get(i);
                if (leaf.alternativeGroup() != group) {
                    continue;
                }
                if (leaf.mimeType().equals("text/plain")) {
                    return i;
                }
                if (html < 0 && leaf.mimeType().equals("text/html")) {
                    html = i;
                }
            }
            return html;
        }

        private static void appendPart(StringBuilder text, String part) {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append(part);
        }
    }
}
