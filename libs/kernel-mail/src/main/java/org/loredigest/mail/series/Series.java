package org.loredigest.mail.series;

import java.util.List;

/**
 * Every revision of one piece of work, oldest first.
 *
 * @param seriesId    revision id of the first revision seen
 * @param title       title of the newest revision
 * @param authorEmail author's address
 * @param revisions   revisions by version, then date
 */
public record Series(String seriesId, String title, String authorEmail, List<SeriesRevision> revisions) {

    public SeriesRevision latest() {
        return revisions.get(revisions.size() - 1);
    }

    public List<Integer> versions() {
        return revisions.stream().map(SeriesRevision::version).toList();
    }
}
