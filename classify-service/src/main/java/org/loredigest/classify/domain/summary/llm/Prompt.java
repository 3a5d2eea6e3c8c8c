package org.loredigest.classify.domain.summary.llm;

import java.util.List;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.summary.EvidencePack;

/** What the model is told: the rules of a grounded answer, the deterministic labels, and the thread's text. */
final class Prompt {

    static final String SYSTEM = """
            You summarise one Linux kernel mailing-list thread for kernel engineers, in Chinese and English.
            Use only the messages given. Every field you fill must name, in "messageIds", the Message-IDs (exactly as \
            written after "Message-ID:") of the messages that say it. If the thread does not answer a field's \
            question, leave "zh" and "en" empty and "messageIds" empty; never guess.
            Do not state whether the fix was merged or applied, and do not call the topic a security issue unless \
            the labels say so: the labels below are decided by rules and are not yours to change.
            Fields and the question each answers:
              headline: one sentence, what the thread is about
              problem: what is wrong or missing, and why (root cause)
              background: what a reader must know about the code or feature involved
              trigger: when the problem happens (workload, configuration, reproducer)
              solution: what the proposed change does
              implementation: how it does it (functions, data structures, approach)
              caveats: objections, open questions, limitations raised in the thread
              impactComponents: kernel components affected
              impactPerformance: measured or claimed performance effect
              impactCompatibility: user-visible interface or behaviour changes
              impactUrgency: how soon it matters (stable backport, regression, crash)
              keyPoints: what a reviewer should remember (test results, changes between versions, decisions)
            Answer with one JSON object and nothing else, of this form:
            {"headline": {"zh": "...", "en": "...", "messageIds": ["..."]}, "problem": {...}, ... one entry per field}
            Write "zh" as fluent Simplified Chinese technical prose (keep identifiers, function and file names as \
            they are), "en" as plain English; at most three sentences per field.""";

    private Prompt() {
    }

    static String user(EvidencePack pack, Classification labels) {
        return "Labels (decided by rules): type=" + labels.type().value() + ", severity=" + labels.severity().value()
                + ", security=" + labels.security().value() + ", fix status=" + labels.fixStatus().value()
                + "\n\n" + pack.render();
    }

    /** The second try: the same question with what was wrong with the first answer. */
    static String retry(EvidencePack pack, Classification labels, List<String> problems) {
        return user(pack, labels) + "\n\nYour previous answer was rejected:\n- " + String.join("\n- ", problems)
                + "\nAnswer again with one JSON object; leave a field empty rather than guess.";
    }
}
