package org.loredigest.classify.domain.classify;

import org.loredigest.classify.domain.mail.ThreadMessage;

/** security-related: yes or no (RUBRIC.md, convention 4). */
final class SecurityRule {

    private SecurityRule() {
    }

    static Verdict decide(ThreadFacts f) {
        ThreadMessage first = f.first();
        String hit = ProblemClass.find(ProblemClass.SECURITY, f.opening());
        if (hit != null) {
            return Verdict.of("yes", "memory-safety, leak, privilege or isolation class in the opening message: '" + hit + "'",
                    first.messageId());
        }
        // a long series talks about many things: only its titles count; a single fix is read in full, notes included
        boolean series = f.patches().size() > 2;
        for (ThreadMessage p : f.postings()) {
            String text = series ? p.title() : p.title() + "\n" + p.text() + "\n" + p.changelog();
            String inPatch = ProblemClass.find(ProblemClass.SECURITY, text.toLowerCase(java.util.Locale.ROOT));
            if (inPatch != null) {
                return Verdict.of("yes", "memory-safety, leak, privilege or isolation class in a patch: '" + inPatch + "'",
                        p.messageId());
            }
        }
        return Verdict.of("no", "no memory-safety, info-leak, privilege, unprivileged-DoS, limit-bypass or CVE words in the "
                + "opening message or the patches", first.messageId());
    }
}
