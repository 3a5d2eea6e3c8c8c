package org.loredigest.classify.domain.series;

import java.util.Map;

/**
 * Where a report meets the patches that name it in a {@code Closes:} or {@code Link:} trailer. Value of the
 * {@code references-by-message} state store, keyed by the report's root Message-ID.
 *
 * @param report   the report's thread id and title key once its thread was seen, else null
 * @param patches  per patch thread id: the patch that names the report
 */
public record ReferenceState(String messageId, Report report, Map<String, Patch> patches) {

    public ReferenceState {
        patches = Map.copyOf(patches);
    }

    public static ReferenceState empty(String messageId) {
        return new ReferenceState(messageId, null, Map.of());
    }

    public record Report(String threadId, String titleKey) {
    }

    /** @param fixStatus the patch's own fix status, which the report follows */
    public record Patch(String threadId, String rootMessageId, String title, String fixStatus) {
    }
}
