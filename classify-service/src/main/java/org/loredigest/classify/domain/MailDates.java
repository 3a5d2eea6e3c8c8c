package org.loredigest.classify.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 5322 Date values as real mailers write them: extra spaces, comments such as "(PDT)", missing weekday,
 * zone names instead of offsets, and impossible offsets such as {@code +1700}, which are ignored (read as UTC).
 */
public final class MailDates {

    private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");
    private static final Pattern WEEKDAY = Pattern.compile("^[A-Za-z]{3},?\\s*");
    private static final Pattern ZONE = Pattern.compile("\\s([+-])(\\d{2})(\\d{2})$");
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("d MMM yyyy H:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy H:mm[:ss] z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yy H:mm[:ss] Z", Locale.ENGLISH));

    private MailDates() {
    }

    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = COMMENT.matcher(value).replaceAll(" ").replaceAll("\\s+", " ").strip();
        text = WEEKDAY.matcher(text).replaceFirst("");
        Matcher zone = ZONE.matcher(text);
        if (zone.find()) {
            int hours = Integer.parseInt(zone.group(2));
            int minutes = Integer.parseInt(zone.group(3));
            if (hours > 14 || minutes > 59) {
                text = text.substring(0, zone.start()) + " +0000";
            }
        } else if (text.matches(".*\\d{1,2}:\\d{2}(:\\d{2})?$")) {
            text = text + " +0000";
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(ZonedDateTime.parse(text, format).withZoneSameInstant(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        return Optional.empty();
    }
}
