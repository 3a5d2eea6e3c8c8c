package org.loredigest.report.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A digest request: lists (empty = all) and a period of whole UTC days, {@code from} and {@code to} both included.
 * Request parameters are checked here, before anything reaches Elasticsearch: list names against the lore pattern,
 * days as plain calendar dates in a bounded range, so no value can carry query syntax or date math.
 */
public record DigestQuery(List<String> lists, LocalDate from, LocalDate to) {

    /** More lists than lore serves to anybody at once; a bound so one request cannot ask for thousands. */
    public static final int MAX_LISTS = 50;
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    /** Far enough for any real request, near enough that period arithmetic and Elasticsearch dates never overflow. */
    public static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);

    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    /** ASCII digits only: java.time would also take a sign and more year digits ({@code +10000-01-01}). */
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int ECHO_LIMIT = 80;

    public DigestQuery {
        lists = List.copyOf(lists);
        if (from.isAfter(to)) {
            throw new InvalidQueryException("from (" + from + ") is after to (" + to + ")");
        }
    }

    /** Parses request parameters; a missing period means the last seven days up to today. */
    public static DigestQuery parse(String lists, String from, String to, int maxDays, Clock clock) {
        List<String> names = lists == null || lists.isBlank() ? List.of()
                : Arrays.stream(lists.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (names.size() > MAX_LISTS) {
            throw new InvalidQueryException("at most " + MAX_LISTS + " lists may be asked for at once, got " + names.size());
        }
        for (String name : names) {
            if (!LIST_NAME.matcher(name).matches()) {
                throw new InvalidQueryException("not a list name: " + echo(name)
                        + " (expected a lore list name: lower-case letters, digits, '.', '_', '-', e.g. linux-mm)");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = to == null || to.isBlank() ? today : day("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(6) : day("from", from);
        DigestQuery query = new DigestQuery(names, start, end);
        if (query.days() > maxDays) {
            throw new InvalidQueryException("the period has " + query.days() + " days; at most " + maxDays + " are allowed");
        }
        return query;
    }

    /**
     * A day parameter: exactly {@code yyyy-mm-dd}, a real calendar day between {@link #FIRST_DAY} and {@link #LAST_DAY}.
     *
     * @param name the parameter's name, for the message
     */
    public static LocalDate day(String name, String value) {
        String text = value == null ? "" : value.strip();
        LocalDate day = null;
        if (DAY.matcher(text).matches()) {
            try {
                day = LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                day = null; // 2024-02-30 and the like
            }
        }
        if (day == null || day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new InvalidQueryException(name + " must be a date like 2024-03-01 between " + FIRST_DAY + " and "
                    + LAST_DAY + ", got: " + echo(value));
        }
        return day;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The caller's value in a message, quoted and cut short. */
    private static String echo(String value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "…" : text) + "'";
    }
}
