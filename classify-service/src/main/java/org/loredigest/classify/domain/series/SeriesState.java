package org.loredigest.classify.domain.series;

import java.util.Map;
import org.loredigest.classify.domain.thread.TopicDraft;

/**
 * Everything published under one normalised title: revisions of a series (possibly by different authors, told
 * apart by {@code seriesKey}) and the notices and stable reviews about them. The series stage keeps it one entry per
 * record ({@code series-entries-by-title}).
 *
 * @param titleKey the normalised title
 * @param entries  per thread id: its latest draft (slim: what linking reads), the version last published for it and
 *                 that record's fingerprint
 */
public record SeriesState(String titleKey, Map<String, Entry> entries) {

    public SeriesState {
        entries = Map.copyOf(entries);
    }

    public static SeriesState empty(String titleKey) {
        return new SeriesState(titleKey, Map.of());
    }

    /**
     * @param fingerprint      of the record last published: its own draft and what the series stage added to it
     * @param draftFingerprint of the thread's own draft
     */
    public record Entry(TopicDraft draft, long publishedVersion, int fingerprint, int draftFingerprint) {
    }
}
