package org.loredigest.mail.trailer;

import java.util.Locale;

/** The trailers kernel development attaches meaning to; anything else is {@link #OTHER}. */
public enum TrailerType {
    SIGNED_OFF_BY("Signed-off-by", true),
    REVIEWED_BY("Reviewed-by", true),
    ACKED_BY("Acked-by", true),
    TESTED_BY("Tested-by", true),
    REPORTED_BY("Reported-by", true),
    SUGGESTED_BY("Suggested-by", true),
    CO_DEVELOPED_BY("Co-developed-by", true),
    NACKED_BY("Nacked-by", true),
    REPORTED_AND_TESTED_BY("Reported-and-tested-by", true),
    FIXES("Fixes", false),
    LINK("Link", false),
    CLOSES("Closes", false),
    CC("Cc", true),
    CHANGE_ID("change-id", false),
    BASE_COMMIT("base-commit", false),
    OTHER("", false);

    private final String canonicalName;
    private final boolean person;

    TrailerType(String canonicalName, boolean person) {
        this.canonicalName = canonicalName;
        this.person = person;
    }

    public String canonicalName() {
        return canonicalName;
    }

    /** Whether the value names a person ({@code Name <email>}). */
    public boolean person() {
        return person;
    }

    /** A review verdict that counts for the review state of a patch. */
    public boolean review() {
        return this == REVIEWED_BY || this == ACKED_BY || this == TESTED_BY || this == REPORTED_AND_TESTED_BY;
    }

    public static TrailerType of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "signed-off-by" -> SIGNED_OFF_BY;
            case "reviewed-by" -> REVIEWED_BY;
            case "acked-by", "acked-for-mfd-by", "acked-for-mm-by" -> ACKED_BY;
            case "tested-by" -> TESTED_BY;
            case "reported-by" -> REPORTED_BY;
            case "suggested-by" -> SUGGESTED_BY;
            case "co-developed-by" -> CO_DEVELOPED_BY;
            case "nacked-by", "nak-by" -> NACKED_BY;
            case "reported-and-tested-by" -> REPORTED_AND_TESTED_BY;
            case "fixes" -> FIXES;
            case "link", "buglink" -> LINK;
            case "closes" -> CLOSES;
            case "cc" -> CC;
            case "change-id" -> CHANGE_ID;
            case "base-commit" -> BASE_COMMIT;
            default -> OTHER;
        };
    }
}
