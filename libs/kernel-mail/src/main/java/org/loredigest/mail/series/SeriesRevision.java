package org.loredigest.mail.series;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.loredigest.mail.trailer.Trailer;

/**
 * One posting of a series (v1, v2, ...): on lore each revision is its own thread.
 *
 * @param revisionId        Message-ID of the cover letter, or of the first patch when there is none
 * @param version           revision number (1 when unversioned)
 * @param rfc               posted as RFC
 * @param resend            posted as RESEND
 * @param title             cover letter title, else the first patch's title
 * @param normalizedTitle   title for matching revisions
 * @param authorName        who posted it
 * @param authorEmail       author's address
 * @param coverMessageId    the cover letter, or {@code null}
 * @param expectedPatches   the {@code m} of {@code n/m}
 * @param patches           patches found, by part
 * @param missingParts      parts 1..m that were not seen
 * @param changeId          b4 change-id, or empty
 * @param baseCommit        base-commit, or empty
 * @param postedAt          date of the cover letter or first patch
 * @param coverFollowUps    trailers given in replies to the cover letter (they apply to every patch)
 * @param reviewers         everyone who gave a review trailer or an inline review, author excluded
 * @param participants      everyone who replied, author and bots excluded
 * @param replies           number of replies in the revision's thread
 * @param firstReviewAt     first reply by someone other than the author or a bot, or {@code null}
 * @param timeToFirstReview {@code firstReviewAt - postedAt}, or {@code null}
 * @param status            review state of the revision
 * @param threadRootId      root of the lore thread that holds the revision
 */
public record SeriesRevision(String revisionId, int version, boolean rfc, boolean resend, String title, String normalizedTitle,
                             String authorName, String authorEmail, String coverMessageId, int expectedPatches,
                             List<SeriesPatch> patches, List<Integer> missingParts, String changeId, String baseCommit,
                             Instant postedAt, List<Trailer> coverFollowUps, List<String> reviewers, List<String> participants,
                             int replies, Instant firstReviewAt, Duration timeToFirstReview, ReviewStatus status,
                             String threadRootId) {

    /** All parts 1..m are present. */
    public boolean complete() {
        return missingParts.isEmpty();
    }

    /** The patch with the given part number, or {@code null}. */
    public SeriesPatch patch(int part) {
        for (SeriesPatch p : patches) {
            if (p.part() == part) {
                return p;
            }
        }
        return null;
    }
}
