package org.loredigest.classify.domain.summary;

import java.util.regex.Pattern;
import org.loredigest.classify.domain.Alternation;

/**
 * The words that make a paragraph or sentence answer one digest field's question. Deliberately narrow: a field
 * stays empty rather than hold a paragraph that only shares a word with its question.
 */
final class Cues {

    private Cues() {
    }

    /** Something is wrong or missing. */
    static final Alternation PROBLEM = Alternation.compile(
            "\\b(?:bug|crash\\w*|panic|oops|splat|warn(?:s|ing)?|leak\\w*|races?|racy|deadlock\\w*|hangs?|hung|lockup|"
                    + "regress\\w*|fails?|failed|failure|broken|breaks|wrong\\w*|incorrect\\w*|missing|lacks?|stale|overflow|"
                    + "use-after-free|cannot|can't|doesn't|does not|isn't|is not (?:possible|supported|accounted)|"
                    + "overreclaim\\w*|too (?:slow|large|small|many|much)|slower|costly|inaccurate|confusion|no (?:way|option)|"
                    + "without ever|wrongly|out of sync|no need to)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The change itself: "This patch adds", "Fix this by", an imperative commit-message sentence. */
    static final Pattern SOLUTION = Pattern.compile(
            "^(?:(?:This|The) (?:patch|series|patchset|patch series|commit|change)\\b(?! (?:was|is) (?:trying|broken|wrong))"
                    + "|The purpose of this|To (?:fix|address|avoid|solve) (?:this|that|it|the)|Fix (?:this|it|that) by"
                    + "|So (?:let's|we|this patch)|Let's|Instead,|Here we|Simply|We (?:introduce|add|now|change|make|fix|remove|convert|use|move)"
                    // an imperative starts a sentence with a capital: "limit * HZ" is a formula, "Limit the …" a change
                    + "|(?-i:Add|Allow|Avoid|Change|Charge|Check|Clarify|Clean|Convert|Drop|Enable|Disable|Ensure|Export|Fix|Handle|"
                    + "Implement|Increase|Decrease|Introduce|Keep|Make|Mark|Move|Pass|Prevent|Protect|Reduce|Remove|Rename|Solve|"
                    + "Replace|Restore|Return|Revert|Skip|Split|Switch|Teach|Update|Use|Limit|Document|Account|Free|Release|Defer|"
                    + "Mention|Describe|Explain|Extend|Refactor|Simplify|Unify|Rework|Reorder|Constify|Annotate|Adjust|Correct)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** A solution sentence that only points elsewhere ("Let's make it so.") or tells history ("… was added"). */
    static final Pattern NOT_THE_CHANGE = Pattern.compile(
            "^.{0,24}$|\\b(?:was|were|had been) (?:added|introduced|done|merged)\\b|\\baddress(?:es)? (?:a few |some |the )?"
                    + "(?:comments|feedback|review)|\\brebases?\\b|\\bassumed\\b|\\bnot only\\b"
                    // where the series sits, not what it does: "depends on …", "applies on top of:", "a respin of …"
                    + "|\\bdepends? on\\b|\\b(?:applies|is based|are based) on\\b|\\b(?:applies|applied|goes|sits) on top of\\b"
                    + "|\\brespin\\b|\\bdoing so\\b",
            Pattern.CASE_INSENSITIVE);

    /** Background describes the code as it is, never the change ("… this patch bridges …", "… is also updated"). */
    static final Pattern MENTIONS_THE_CHANGE = Pattern.compile(
            "\\b(?:this|the) (?:patch|series|patchset|change)\\b|\\bintroduc\\w+ (?:a|an) (?:new|kernel)\\b"
                    + "|\\b(?:is|are) also (?:updated|changed|extended|adjusted|modified|removed|added)\\b"
                    + "|\\b(?:is|are) (?:now )?updated to\\b",
            Pattern.CASE_INSENSITIVE);

    /** Facts about the existing code that a reader needs first. */
    static final Alternation BACKGROUND = Alternation.compile(
            "\\b(?:currently|today|at present|by default|historically|in the past|used to|(?:is|are) used (?:to|for|by|at)|"
                    + "(?:was|were) introduced|commit [0-9a-f]{8,}|already (?:contains?|has|have|supports?|provides?)|"
                    + "is responsible for|is designed to|(?:is|are) (?:managed|tracked|accounted|enforced) by)\\b",
            Pattern.CASE_INSENSITIVE);

    /** When the problem shows: a reproducer or an explicit condition. */
    static final Pattern TRIGGER = Pattern.compile(
            "\\b(?:can be reproduced|reproduc(?:ed|ible) (?:by|with|using|when)|to reproduce|steps to reproduce|"
                    + "reproducer|happens? (?:when|if|on|during)|occurs? (?:when|if|on|during)|(?:is|gets|was) triggered (?:by|when|if)|"
                    + "can be triggered|is hit when|can be hit|when (?:running|the|a|an|user|users|we|it|there)\\b[^.]{0,80}"
                    + "(?:fail|crash|hang|leak|stuck|block|warn|panic|oops|regress|slow|larger|wrong)|"
                    + "if (?:it|the \\w+) (?:misses|lacks|is remounted|is not))",
            Pattern.CASE_INSENSITIVE);

    /** A proposal is not a trigger, whatever words it shares with one. */
    static final Alternation PROPOSAL = Alternation.compile(
            "\\b(?:approach|solution|we could|we can|one way|option is|propos\\w+|suggest\\w*|should we|would be to)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Words of the problem cue that only reassure ("doesn't break the current usage") or tell where a report came from
     * ("identified using a static analysis tool"): such a paragraph does not state the problem.
     */
    static final Pattern NOT_A_PROBLEM = Pattern.compile(
            "\\b(?:doesn't|does not|won't|will not|shouldn't|should not) (?:break|change|affect)\\b"
                    + "|\\b(?:identified|found|detected|discovered) (?:using|with|by) (?:a|an|our|my) (?:\\w+ ){0,3}(?:tool|checker|fuzzer)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A performance effect: a perf word together with a measurement or a direction. */
    static final Alternation PERF_WORD = Alternation.compile(
            "\\b(?:overhead|latency|latencies|throughput|performance|faster|slower|speed-?up|slowdown|completion times?|"
                    + "ops/s|IOPS)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern PERF_EFFECT = Pattern.compile(
            "\\d+(?:\\.\\d+)?\\s?(?:%|x\\b|ms\\b|us\\b|ns\\b|µs|sec\\b|seconds\\b)|~\\d|\\b(?:reduc\\w+|improv\\w+|sav(?:e|ed|es|ing)|"
                    + "increas\\w+|decreas\\w+|negligible|gone|regress\\w*|\\d+x|"
                    + "(?:low|lower|higher) (?:overhead|latency|cost|throughput))\\b",
            Pattern.CASE_INSENSITIVE);

    /** A user-visible interface named together with what happens to it. */
    static final Pattern INTERFACE = Pattern.compile(
            "(?:\\b(?:memory|cpuset|cpu|io|pids|misc|hugetlb|rdma|cgroup)\\.[a-z_.]+\\b|/proc/\\S+|/sys/\\S+|\\bsysctl\\b|"
                    + "\\bboot (?:param\\w*|option)|\\buapi\\b|\\bABI\\b|\\binterface files?\\b|\\bkconfig option\\b|user-visible)",
            Pattern.CASE_INSENSITIVE);
    static final Pattern INTERFACE_CHANGE = Pattern.compile(
            "\\b(?:add(?:s|ed)?|new|introduc\\w+|remov\\w+|deprecat\\w+|obsolete|renam\\w+|reports?|expos\\w+|"
                    + "no longer|mark(?:s|ed)?|enables? (?:the )?user|used to be)\\b",
            Pattern.CASE_INSENSITIVE);
    /** History ("commit 1234abcd added …") or code layout ("moves … to its own file") is not an effect on users. */
    static final Pattern HISTORY = Pattern.compile(
            "\\b[0-9a-f]{10,}\\b|\\bcommit\\b|\\b(?:its|their) own (?:file|files|source)\\b|\\bdeclarations?\\b"
                    + "|#include|\\bincludes in\\b",
            Pattern.CASE_INSENSITIVE);

    /** Paragraphs about how the series is cut, not about the kernel. */
    static final Pattern SERIES_LAYOUT = Pattern.compile(
            "\\b(?:patch(?:es)? \\d|the first \\d+ patches|the rest(?:s)? (?:are|is)|this (?:version|revision))\\b|^(?:But|And|So|Also)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A reviewer's objection, concern or open technical question. */
    static final Alternation OBJECTION = Alternation.compile(
            "\\b(?:NAK|nack\\w*|I don't think|I do not think|not convinced|concern\\w*|wrong|breaks?|broken|busted|"
                    + "regress\\w*|doesn't work|does not work|racy|race|unsafe|overkill|fatal|weak reasoning|why not|instead|"
                    + "what about|what happens|how does [^?]{0,80}guarantee|would like to see|before merging|unfortunate\\w*|"
                    + "not sure (?:this|that|about|it))\\b", Pattern.CASE_INSENSITIVE);
    /** Review chatter that is not a caveat of the change: style, wording, praise, process. */
    static final Alternation NOT_A_CAVEAT = Alternation.compile(
            "\\b(?:nit|nits|typo|title|subject line|commit (?:log|message)|changelog|comments?|wording|naming|whitespace|"
                    + "checkpatch|nice|thanks|thank you|looks good|LGTM|(?:good|nice) to (?:mention|have|know)|applied|"
                    + "you are right|you're right|coding style|style|looks fine|no objection\\w*|was going to say|"
                    + "good, because|sorry|url|lore\\.kernel\\.org)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A version changelog, as opposed to a note under the {@code ---} line. */
    static final Pattern CHANGELOG = Pattern.compile(
            "(?im)^\\s*(?:[-*]\\s*)?(?:v\\d+\\s*(?:->|→|to)?\\s*(?:v\\d+)?\\s*:|changes (?:since|in|from) v?\\d|changelog|since v\\d)");

    /** A report that a test was run and how it went. */
    static final Pattern TEST_RESULT = Pattern.compile(
            "\\b(?:tested (?:on|with|it|this|the|against|on top)|tests? (?:pass(?:ed|es)?|ran fine|is running fine)|"
                    + "no regressions? (?:found|seen|observed)|running fine|confirm(?:ed|ing) (?:that )?(?:the|it|this))",
            Pattern.CASE_INSENSITIVE);
    static final Pattern NOT_A_RESULT = Pattern.compile(
            "\\b(?:build|compile\\w*|might|would|could|please|try|should|you're right|you are right)\\b|\\?\\s*$",
            Pattern.CASE_INSENSITIVE);
}
