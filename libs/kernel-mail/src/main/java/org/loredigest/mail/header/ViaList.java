package org.loredigest.mail.header;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes DMARC "From munging": lists such as Google Groups or Mailman rewrite {@code From: Jane <jane@corp>} to
 * {@code From: "Jane via Some-List" <list@host>} and keep the author in X-Original-From, Reply-To or Cc.
 */
public final class ViaList {

    private static final Pattern VIA = Pattern.compile("^'?(.+?)'?\\s+via\\s+(\\S.*)$", Pattern.CASE_INSENSITIVE);

    private ViaList() {
    }

    /** The rewritten-back author, or {@code null} when the From was not rewritten (or the author is unknown). */
    public static MailAddress undo(MailAddress from, String xOriginalFrom, String replyTo, List<MailAddress> cc) {
        if (from == null) {
            return null;
        }
        Matcher m = VIA.matcher(from.name());
        if (!m.matches()) {
            return null;
        }
        String realName = m.group(1).strip();
        MailAddress original = Addresses.parseFirst(xOriginalFrom);
        if (original != null && !original.email().isEmpty()) {
            return original.name().isEmpty() ? new MailAddress(realName, original.email()) : original;
        }
        MailAddress reply = Addresses.parseFirst(replyTo);
        if (reply != null && !reply.email().isEmpty() && !reply.email().equals(from.email())) {
            return new MailAddress(reply.name().isEmpty() ? realName : reply.name(), reply.email());
        }
        String wanted = realName.toLowerCase(Locale.ROOT);
        for (MailAddress candidate : cc) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(wanted) && !candidate.email().isEmpty()) {
                return candidate;
            }
        }
        // The author's address is lost; keep the name and say the address is the list's.
        return new MailAddress(realName, from.email());
    }
}
