package org.loredigest.report.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A digest request: lists (empty = all) and a period of whole UTC days, {@code from} and {@code to} both included.
 */
public record DigestQuery(List<String> lists, LocalDate from, LocalDate to) {

    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public DigestQuery {
        lists = List.copyOf(lists);
        if (from.isAfter(to)) {
            throw new InvalidQueryException("from (" + from + ") is after to (" + to + ")");
        }
    }

    /** Parses request parameters; a missing period means the last seven days up to today. */
    public static DigestQuery parse(String lists, String from, String to, int maxDays, Clock clock) {
        List<String> names = lists == null || lists.isBlank() ? List.of()
                : Arrays.stream(lists.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            if (!LIST_NAME.matcher(name).matches()) {
                throw new InvalidQueryException("not a list name: '" + name + "' (expected e.g. linux-mm)");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(6) : date("from", from);
        DigestQuery query = new DigestQuery(names, start, end);
        if (query.days() > maxDays) {
            throw new InvalidQueryException("the period has " + query.days() + " days; at most " + maxDays + " are allowed");
        }
        return query;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name + " must be a date like 2024-03-01, got: '" + value + "'");
        }
    }
}
