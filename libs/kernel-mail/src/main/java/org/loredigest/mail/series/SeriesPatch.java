package org.loredigest.mail.series;

import java.time.Instant;
import java.util.List;
import org.loredigest.mail.trailer.Trailer;

/**
 * One patch of a series revision with the review it received.
 *
 * @param part             position in the series (1-based)
 * @param messageId        the patch mail
 * @param title            subject without prefixes
 * @param patchId          {@code git patch-id --stable}, or {@code null}
 * @param files            touched files
 * @param insertions       added lines
 * @param deletions        removed lines
 * @param trailers         trailers in the patch itself (carried over from earlier revisions included)
 * @param followUpTrailers trailers given in replies to this patch or to the cover letter (b4 attribution)
 * @param reviewers        addresses that gave Reviewed-by/Acked-by/Tested-by (own or follow-up), author excluded
 * @param status           review state of this patch
 */
public record SeriesPatch(int part, String messageId, String title, String patchId, List<String> files, int insertions,
                          int deletions, List<Trailer> trailers, List<Trailer> followUpTrailers, List<String> reviewers,
                          ReviewStatus status) {
}
