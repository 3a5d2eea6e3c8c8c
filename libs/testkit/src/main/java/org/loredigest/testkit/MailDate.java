package org.loredigest.testkit;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git ident time ({@code <epoch seconds> <+HHMM>}) read from a mail {@code Date:} or {@code Received:} value the way
 * public-inbox reads it (PublicInbox::MsgTime): tolerant of missing weekdays, odd punctuation, two-digit years and
 * obsolete zone names. Real archives contain absurd zones such as {@code +1700}; the instant still honours the offset
 * but the zone written to git becomes {@code +0000}, because git fast-import rejects it otherwise.
 */
record MailDate(long epochSeconds, String zone) {

    private static final Map<String, String> OBSOLETE_ZONES = Map.ofEntries(
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
            Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"));

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Pattern DATE = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?"                       // day of week
            + "([0-9]+),?\\s+"                            // day
            + "([A-Za-z]+)\\s+"                           // month
            + "([0-9]{2,4})\\s+"                          // year
            + "([0-9]+)[:.]([0-9]{2}|\\s?[0-9])"          // hh:mm
            + "(?:[:.]([0-9]{2}|\\s?[0-9]))?"             // :ss
            + "\\s+([+-])?[+-]*"                          // zone sign (extra signs like "--0500" happen)
            + "([0-9]+|EST|EDT|CST|CDT|MST|MDT|PST|PDT|UT|GMT|Z)(?:\\s|$|\\))");

    /** The first date found in {@code value}, if any. */
    static Optional<MailDate> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(value);
        while (m.find()) {
            Optional<MailDate> date = fromMatch(m);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    static MailDate now() {
        return new MailDate(System.currentTimeMillis() / 1000, "+0000");
    }

    private static Optional<MailDate> fromMatch(Matcher m) {
        String monthName = m.group(2).toLowerCase(Locale.ROOT);
        Integer month = monthName.length() >= 3 ? MONTHS.get(monthName.substring(0, 3)) : null;
        if (month == null) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(3));
            if (m.group(3).length() <= 3) {
                year += 1900;
                if (year < 1950) {
                    year += 100;
                }
            }
            int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6).strip());
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5).strip()), seconds);
            String sign = m.group(7) == null ? "+" : m.group(7);
            String digits = m.group(8);
            String named = OBSOLETE_ZONES.get(digits);
            if (named != null) {
                sign = named.substring(0, 1);
                digits = named.substring(1);
            }
            if (digits.length() > 6) {
                return Optional.empty();
            }
            long hours;
            long minutes;
            if (digits.length() == 1) {
                hours = Long.parseLong(digits);
                minutes = 0;
            } else if (digits.length() == 2) {
                hours = 0;
                minutes = Long.parseLong(digits);
            } else {
                hours = Long.parseLong(digits.substring(0, digits.length() - 2));
                minutes = Long.parseLong(digits.substring(digits.length() - 2));
            }
            hours += minutes / 60;
            minutes %= 60;
            long offsetSeconds = ("-".equals(sign) ? -1 : 1) * (hours * 3600 + minutes * 60);
            long epoch = local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
            if (epoch < 0) {
                return Optional.empty();
            }
            String zone = String.format(Locale.ROOT, "%s%02d%02d", offsetSeconds == 0 ? "+" : sign, hours, minutes);
            if (hours * 100 + minutes >= 1400) {
                zone = "+0000"; // as public-inbox: "bogus TZ offset, assuming +0000"
            }
            return Optional.of(new MailDate(epoch, zone));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code <seconds> <zone>} as git fast-import's raw date format wants it. */
    String gitTime() {
        return epochSeconds + " " + zone;
    }
}
