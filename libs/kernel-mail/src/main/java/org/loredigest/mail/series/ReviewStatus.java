package org.loredigest.mail.series;

/** Where a patch or a series revision stands with reviewers. */
public enum ReviewStatus {
    /** No reply from anyone but the author and bots. */
    NEW,
    /** Replies, but no Reviewed-by/Acked-by/Tested-by. */
    DISCUSSED,
    /** Some patches carry review trailers (series only). */
    PARTIALLY_REVIEWED,
    /** Every patch carries Reviewed-by or Acked-by. */
    REVIEWED,
    /** A maintainer (or a bot) said it was applied or merged. */
    APPLIED,
    /** Someone answered with Nacked-by. */
    NACKED
}
