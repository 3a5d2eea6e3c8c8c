package org.loredigest.mail.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/** Address fields (From, To, Cc, Reply-To): mime4j's lenient parser, with a simple fallback for raw UTF-8. */
public final class Addresses {

    private Addresses() {
    }

    public static List<MailAddress> parseList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (isAscii(value)) {
            try {
                AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
                List<MailAddress> out = new ArrayList<>(list.size());
                for (Mailbox mailbox : list.flatten()) {
                    out.add(of(mailbox));
                }
                if (!out.isEmpty() || value.indexOf('@') < 0) {
                    return out;
                }
            } catch (RuntimeException e) {
                // fall through to the tolerant splitter
            }
        }
        return splitByHand(value);
    }

    public static MailAddress parseFirst(String value) {
        List<MailAddress> list = parseList(value);
        return list.isEmpty() ? null : list.get(0);
    }

    private static MailAddress of(Mailbox mailbox) {
        String name = mailbox.getName() == null ? "" : HeaderText.collapseWhitespace(HeaderText.decode(mailbox.getName()));
        return new MailAddress(unquote(name), mailbox.getAddress().toLowerCase(Locale.ROOT));
    }

    /**
     * Raw 8-bit headers (names in UTF-8 without encoded words) are not valid RFC 5322, and mime4j reads its input
     * as ASCII; split on commas outside quotes and angle brackets and take {@code name <addr>} apart by hand.
     */
    static List<MailAddress> splitByHand(String value) {
        List<MailAddress> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angle++;
            } else if (c == '>' && !quoted && angle > 0) {
                angle--;
            } else if (c == ',' && !quoted && angle == 0) {
                addOne(out, current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        addOne(out, current.toString());
        return out;
    }

    private static void addOne(List<MailAddress> out, String part) {
        String s = part.strip();
        if (s.isEmpty()) {
            return;
        }
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String email = s.substring(lt + 1, gt).strip().toLowerCase(Locale.ROOT);
            String name = HeaderText.collapseWhitespace(HeaderText.decode(s.substring(0, lt)));
            out.add(new MailAddress(unquote(name), email));
            return;
        }
        int paren = s.indexOf('(');
        if (paren > 0 && s.endsWith(")")) {
            out.add(new MailAddress(unquote(s.substring(paren + 1, s.length() - 1).strip()),
                    s.substring(0, paren).strip().toLowerCase(Locale.ROOT)));
            return;
        }
        if (s.indexOf('@') > 0 && s.indexOf(' ') < 0) {
            out.add(new MailAddress("", s.toLowerCase(Locale.ROOT)));
        } else {
            out.add(new MailAddress(unquote(HeaderText.decode(s)), ""));
        }
    }

    private static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && (n.charAt(0) == '"' && n.charAt(n.length() - 1) == '"'
                || n.charAt(0) == '\'' && n.charAt(n.length() - 1) == '\'')) {
            n = n.substring(1, n.length() - 1).strip();
        }
        return n.replace("\\\"", "\"");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
