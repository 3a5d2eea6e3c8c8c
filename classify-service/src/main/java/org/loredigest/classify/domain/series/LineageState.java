package org.loredigest.classify.domain.series;

import java.util.Map;

/**
 * Every series revision one author posted: where revisions whose title changed between versions meet. Value of the
 * {@code series-by-author} state store, keyed by the author's address.
 *
 * @param postings per thread id, the revision's latest posting facts
 */
public record LineageState(String author, Map<String, SeriesPosting> postings) {

    public LineageState {
        postings = Map.copyOf(postings);
    }

    public static LineageState empty(String author) {
        return new LineageState(author, Map.of());
    }
}
