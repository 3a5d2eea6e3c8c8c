package org.loredigest.report.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Message volume of a period: the first block of every digest.
 *
 * @param lists     the lists asked for (empty = all)
 * @param from      first day (UTC), included
 * @param to        last day (UTC), included
 * @param total     messages in the period
 * @param perDay    one entry per day of the period, zero days included
 * @param perList   messages per lore list name, largest first
 * @param perListId messages per List-Id, largest first
 */
public record MessageCounts(List<String> lists, LocalDate from, LocalDate to, long total, List<DayCount> perDay,
                            List<KeyCount> perList, List<KeyCount> perListId) {

    public record DayCount(LocalDate day, long count) {
    }

    public record KeyCount(String key, long count) {
    }
}
