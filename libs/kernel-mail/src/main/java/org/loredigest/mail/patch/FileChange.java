package org.loredigest.mail.patch;

/**
 * One file touched by a diff.
 *
 * @param path       the file's path after the change (before it, for a deletion), without the a/ b/ prefix
 * @param oldPath    the path before the change; differs from {@code path} for renames and copies
 * @param type       what happened to the file
 * @param insertions added lines
 * @param deletions  removed lines
 * @param binary     a GIT binary patch or "Binary files differ"
 */
public record FileChange(String path, String oldPath, ChangeType type, int insertions, int deletions, boolean binary) {
}
