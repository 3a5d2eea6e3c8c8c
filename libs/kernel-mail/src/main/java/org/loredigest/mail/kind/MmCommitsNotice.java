package org.loredigest.mail.kind;

/**
 * An mm-commits notice from the -mm tree scripts.
 *
 * @param patchFile the quilt patch file name ({@code mm-fix-foo.patch})
 * @param action    {@code added}, or the bracketed reason of a removal ({@code merged mm-stable}, {@code to-be-updated},
 *                  {@code withdrawn}, ...)
 * @param branch    the branch for additions ({@code mm-unstable}, {@code mm-hotfixes-unstable}); empty for removals
 */
public record MmCommitsNotice(String patchFile, String action, String branch) {

    public boolean added() {
        return action.equals("added");
    }
}
