package org.loredigest.mail.subject;

import java.util.List;

/**
 * A kernel mail subject taken apart the way b4 does it.
 *
 * @param full            the decoded subject with whitespace collapsed
 * @param title           the subject without reply markers and bracketed prefixes
 * @param normalizedTitle lower-case alphanumeric words of the title, for matching revisions of one series
 * @param reply           starts with {@code Re:} (or a localised variant such as {@code AW:})
 * @param forward         starts with {@code Fwd:}/{@code Fw:}
 * @param prefixes        every chunk found in leading brackets, in order ({@code PATCH}, {@code v3}, {@code 2/7}, ...)
 * @param tags            chunks that are not PATCH/RFC/RESEND/version/counter: trees and topics such as
 *                        {@code net-next}, {@code mm-unstable}, {@code 6.6}, {@code syzbot}, {@code linus:master}
 * @param patch           a {@code PATCH} chunk is present
 * @param rfc             an {@code RFC} chunk is present
 * @param resend          a {@code RESEND} chunk is present
 * @param gitPull         {@code [GIT PULL]}, {@code [GIT]} or {@code [PULL]}
 * @param version         revision number, 1 when none is given
 * @param versionLabel    the revision as written ({@code v15.1}), or {@code null}
 * @param versionExplicit whether a {@code vN} chunk was present
 * @param part            patch number in the series ({@code 2} of {@code 2/7}), 1 when none is given
 * @param total           number of patches in the series, 1 when none is given
 * @param countersExplicit whether an {@code n/m} chunk was present
 */
public record ParsedSubject(
        String full,
        String title,
        String normalizedTitle,
        boolean reply,
        boolean forward,
        List<String> prefixes,
        List<String> tags,
        boolean patch,
        boolean rfc,
        boolean resend,
        boolean gitPull,
        int version,
        String versionLabel,
        boolean versionExplicit,
        int part,
        int total,
        boolean countersExplicit) {

    /** A cover letter subject: {@code 0/m}. */
    public boolean coverLetterNumber() {
        return countersExplicit && part == 0;
    }

    /** Looks like a patch posting (PATCH or RFC, not a reply). */
    public boolean patchPosting() {
        return !reply && !forward && (patch || rfc);
    }
}
