package org.loredigest.classify.domain.series;

import java.util.Map;

/**
 * Series revisions of one author: where revisions whose title changed between versions meet. All of them, or only
 * those a new posting can be linked with (what the lineage stage reads from its store).
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
