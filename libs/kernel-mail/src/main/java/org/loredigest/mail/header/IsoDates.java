package org.loredigest.mail.header;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 Date values as some tools write them instead of RFC 5322: {@code 2024-03-05T10:11:12+01:00},
 * {@code 2024-03-05 10:11:12 +0100}, {@code ...Z}, with fractions of a second or a named zone. The zone goes
 * through {@link MailDates#zoneOffset} so an absurd or missing offset is handled exactly as in an RFC 5322 date.
 */
final class IsoDates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*"
                    + "([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})?(?:\\s*\\([^)]*\\))?");

    private IsoDates() {
    }

    /**
     * A year and a dash first, which an RFC 5322 date never has (it starts with a weekday or the day of the month):
     * checked before the RFC tokeniser, which would take {@code 05T10:11:12} for a broken time.
     */
    static boolean shaped(String v) {
        return v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && Character.isDigit(v.charAt(0))
                && Character.isDigit(v.charAt(3));
    }

    /** The date, or {@code null} when {@code v} is not ISO 8601 after all (the RFC 5322 reader then reports it). */
    static MailDate parse(String v) {
        Matcher m = ISO.matcher(v);
        if (!m.matches()) {
            return null;
        }
        LocalDateTime local;
        try {
            int second = m.group(6) == null ? 0 : Math.min(Integer.parseInt(m.group(6)), 59);
            local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second);
        } catch (DateTimeException e) {
            return MailDate.unusable("impossible calendar date in '" + v + "'");
        }
        MailDates.ZoneOffsetResult offset = MailDates.zoneOffset(m.group(7));
        Instant instant = local.toInstant(offset.offset());
        if (offset.note() != null) {
            return MailDate.doubtful(instant, offset.note() + " in '" + v + "'", null);
        }
        return MailDate.ok(instant, offset.offset().getTotalSeconds() / 60);
    }
}
