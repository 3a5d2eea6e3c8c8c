package org.loredigest.classify.domain.classify;

import java.util.Locale;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.mail.ThreadMessage;

/** security-related: yes or no (RUBRIC.md, convention 4). */
final class SecurityRule {

    /**
     * Work on the sanitizers and test frameworks themselves ("kasan: add a use-after-free test", a kunit failure): it
     * names memory-safety classes without being a defect of the kernel.
     */
    private static final Pattern TOOLING_TITLE = Pattern.compile(
            "^(?:\\S+: )*(?:kasan|kmsan|kcsan|kfence|ubsan|kunit|kselftest|selftests?)(?:/\\S+)?: .*");
    private static final Pattern KUNIT_FAILURE = Pattern.compile("\\bkunit\\b.*\\bfail|\\bfail\\w*\\b.*\\bkunit\\b");
    private static final String[] TOOLING_PATHS = {"mm/kasan/", "mm/kmsan/", "mm/kfence/", "kernel/kcsan/", "lib/ubsan",
        "lib/kunit/", "lib/test_", "tools/", "scripts/", "Documentation/"};

    private SecurityRule() {
    }

    static Verdict decide(ThreadFacts f) {
        ThreadMessage first = f.first();
        String title = first.title().toLowerCase(Locale.ROOT);
        boolean tooling = f.startsWithPosting()
                && (TOOLING_TITLE.matcher(title).matches() || f.allFilesUnder(TOOLING_PATHS));
        if (tooling || KUNIT_FAILURE.matcher(title).find()) {
            return Verdict.of("no", "sanitizer, test-framework or tooling work, not a kernel defect: '" + first.title() + "'",
                    first.messageId());
        }
        String hit = ProblemClass.find(ProblemClass.SECURITY, f.opening());
        if (hit != null) {
            return Verdict.of("yes", "memory-safety, leak, privilege or isolation class in the opening message: '" + hit + "'",
                    first.messageId());
        }
        // a long series talks about many things: only its titles count; a single fix is read in full, notes included
        boolean series = f.patches().size() > 2;
        for (ThreadMessage p : f.postings()) {
            String text = series ? p.title() : p.title() + "\n" + p.text() + "\n" + p.changelog();
            String inPatch = ProblemClass.find(ProblemClass.SECURITY, text.toLowerCase(Locale.ROOT));
            if (inPatch != null) {
                return Verdict.of("yes", "memory-safety, leak, privilege or isolation class in a patch: '" + inPatch + "'",
                        p.messageId());
            }
        }
        return Verdict.of("no", "no memory-safety, info-leak, privilege, unprivileged-DoS, limit-bypass or CVE words in the "
                + "opening message or the patches", first.messageId());
    }
}
