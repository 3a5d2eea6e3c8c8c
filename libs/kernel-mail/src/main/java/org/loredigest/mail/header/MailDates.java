package org.loredigest.mail.header;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lenient RFC 5322 date parsing for real list mail: optional weekday, extra spaces, comments such as
 * {@code (PDT)}, two-digit years, named and military zones, missing seconds or zone. A zone outside
 * UTC-12..UTC+14 (real ones; {@code +1700} has been seen in the wild) is treated as UTC and reported. ISO 8601
 * values ({@code 2024-03-05T10:11:12+01:00}, {@code 2024-03-05 10:11:12 +0100}), which some tools write, are read too.
 */
public final class MailDates {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private MailDates() {
    }

    public static MailDate parse(String value) {
        if (value == null || value.isBlank()) {
            return MailDate.unusable("empty Date");
        }
        String stripped = value.strip();
        if (IsoDates.shaped(stripped)) {
            MailDate iso = IsoDates.parse(stripped);
            if (iso != null) {
                return iso;
            }
        }
        List<String> tokens = tokens(value);
        int day = -1;
        int month = -1;
        int year = -1;
        int[] time = null;
        String zone = null;
        for (String t : tokens) {
            char c0 = t.charAt(0);
            if (t.indexOf(':') > 0 && Character.isDigit(c0) && time == null) {
                time = parseTime(t);
                if (time == null) {
                    return MailDate.unusable("unreadable time '" + t + "' in Date '" + value.strip() + "'");
                }
            } else if ((c0 == '+' || c0 == '-') && t.length() >= 3 && time != null && zone == null) {
                zone = t;
            } else if (Character.isDigit(c0)) {
                // More than nine digits is neither a day nor a year, and would overflow an int.
                if (!allDigits(t) || t.length() > 9) {
                    continue;
                }
                if (day < 0 && t.length() <= 2) {
                    day = Integer.parseInt(t);
                } else if (year < 0) {
                    year = Integer.parseInt(t);
                    if (t.length() <= 2) {
                        year += year < 50 ? 2000 : 1900;
                    } else if (t.length() == 3) {
                        year += 1900;
                    }
                }
            } else if (Character.isLetter(c0)) {
                int m = monthOf(t);
                if (m >= 0 && month < 0) {
                    month = m;
                } else if (time != null && zone == null && m < 0 && !isWeekday(t)) {
                    zone = t;
                }
            }
        }
        if (day < 0 || month < 0 || year < 0 || time == null) {
            return MailDate.unusable("unparseable Date '" + stripped + "'");
        }
        LocalDateTime local;
        try {
            int second = Math.min(time[2], 59);
            local = LocalDateTime.of(LocalDate.of(year, month + 1, day), java.time.LocalTime.of(time[0], time[1], second));
        } catch (DateTimeException e) {
            return MailDate.unusable("impossible calendar date in '" + value.strip() + "'");
        }
        ZoneOffsetResult offset = zoneOffset(zone);
        Instant instant = local.toInstant(offset.offset());
        if (offset.note() != null) {
            return MailDate.doubtful(instant, offset.note() + " in '" + value.strip() + "'", null);
        }
        return MailDate.ok(instant, offset.offset().getTotalSeconds() / 60);
    }

    record ZoneOffsetResult(ZoneOffset offset, String note) {
    }

    static ZoneOffsetResult zoneOffset(String zone) {
        if (zone == null) {
            return new ZoneOffsetResult(ZoneOffset.UTC, "no zone, UTC assumed");
        }
        char c0 = zone.charAt(0);
        if (c0 == '+' || c0 == '-') {
            String digits = zone.substring(1);
            if (digits.indexOf(':') > 0) {
                digits = digits.replace(":", "");
            }
            if (!allDigits(digits) || digits.length() != 4) {
                return new ZoneOffsetResult(ZoneOffset.UTC, "unreadable zone '" + zone + "', UTC assumed");
            }
            int hours = Integer.parseInt(digits.substring(0, 2));
            int minutes = Integer.parseInt(digits.substring(2));
            if (minutes > 59 || hours > 14 || (c0 == '-' && hours > 12)) {
                return new ZoneOffsetResult(ZoneOffset.UTC, "absurd zone '" + zone + "', UTC assumed");
            }
            int total = (hours * 3600 + minutes * 60) * (c0 == '-' ? -1 : 1);
            return new ZoneOffsetResult(ZoneOffset.ofTotalSeconds(total), null);
        }
        int hours = switch (zone.toUpperCase(Locale.ROOT)) {
            case "UT", "UTC", "GMT", "Z" -> 0;
            case "EST" -> -5;
            case "EDT" -> -4;
            case "CST" -> -6;
            case "CDT" -> -5;
            case "MST" -> -7;
            case "MDT" -> -6;
            case "PST" -> -8;
            case "PDT" -> -7;
            case "CET", "MET", "BST" -> 1;
            case "CEST", "MEST", "EET" -> 2;
            default -> Integer.MIN_VALUE;
        };
        if (hours == Integer.MIN_VALUE) {
            return new ZoneOffsetResult(ZoneOffset.UTC, "unknown zone '" + zone + "', UTC assumed");
        }
        return new ZoneOffsetResult(ZoneOffset.ofHours(hours), null);
    }

    private static int[] parseTime(String t) {
        String[] parts = t.split(":");
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        int[] hms = new int[3];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int dot = p.indexOf('.');
            if (dot > 0) {
                p = p.substring(0, dot);
            }
            if (p.isEmpty() || p.length() > 2 || !allDigits(p)) {
                return null;
            }
            hms[i] = Integer.parseInt(p);
        }
        if (hms[0] > 23 || hms[1] > 59 || hms[2] > 60) {
            return null;
        }
        return hms;
    }

    /** Splits on whitespace and commas, drops parenthesised comments, and separates a glued zone (12:00+0100). */
    private static List<String> tokens(String value) {
        List<String> out = new ArrayList<>(8);
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
                flush(out, sb);
                continue;
            }
            if (c == ')') {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if (Character.isWhitespace(c) || c == ',') {
                flush(out, sb);
            } else if ((c == '+' || c == '-') && sb.length() > 0 && sb.indexOf(":") > 0) {
                flush(out, sb);
                sb.append(c);
            } else if (c == '-' && sb.length() > 0 && sb.indexOf(":") < 0) {
                // 3-Jan-2024 style
                flush(out, sb);
            } else {
                sb.append(c);
            }
        }
        flush(out, sb);
        return out;
    }

    private static void flush(List<String> out, StringBuilder sb) {
        if (sb.length() > 0) {
            out.add(sb.toString());
            sb.setLength(0);
        }
    }

    private static int monthOf(String t) {
        if (t.length() < 3) {
            return -1;
        }
        String p = t.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(p)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWeekday(String t) {
        String p = t.length() >= 3 ? t.substring(0, 3).toLowerCase(Locale.ROOT) : t;
        return switch (p) {
            case "mon", "tue", "wed", "thu", "fri", "sat", "sun" -> true;
            default -> false;
        };
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
