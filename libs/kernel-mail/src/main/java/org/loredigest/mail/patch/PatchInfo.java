package org.loredigest.mail.patch;

import java.util.List;

/**
 * The change carried by a message.
 *
 * @param format     how the diff is written; {@link DiffFormat#NONE} when there is none
 * @param files      touched files in diff order
 * @param insertions total added lines
 * @param deletions  total removed lines
 * @param binary     at least one binary file change
 * @param patchId    {@code git patch-id --stable} of the first diff in the message, or {@code null}
 * @param notes      text between the {@code ---} line and the diff (changelog, diffstat removed), or empty
 */
public record PatchInfo(DiffFormat format, List<FileChange> files, int insertions, int deletions, boolean binary,
                        String patchId, String notes) {

    public static final PatchInfo NONE = new PatchInfo(DiffFormat.NONE, List.of(), 0, 0, false, null, "");

    public boolean hasDiff() {
        return format != DiffFormat.NONE;
    }

    /** Paths after the change, for MAINTAINERS lookup. */
    public List<String> paths() {
        return files.stream().map(FileChange::path).toList();
    }
}
