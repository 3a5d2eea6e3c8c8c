package org.loredigest.classify.domain.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.mail.trailer.TrailerType;

/** severity: critical, high, medium or low (RUBRIC.md, convention 3). */
final class SeverityRule {

    private SeverityRule() {
    }

    static Verdict decide(ThreadFacts f, String type, String security) {
        return switch (type) {
            case "bug" -> bug(f);
            case "patch" -> patch(f, "yes".equals(security));
            case "feature" -> Verdict.of("medium", "features are medium", f.first().messageId());
            case "question" -> Verdict.of("low", "a question without a reported defect", f.first().messageId());
            default -> Verdict.of("medium", "discussions are medium", f.first().messageId());
        };
    }

    private static Verdict bug(ThreadFacts f) {
        ThreadMessage first = f.first();
        String title = first.title().toLowerCase(Locale.ROOT);
        String opening = f.opening();
        if (FAILING_TEST.matcher(title).find()) {
            return Verdict.of("medium", "a failing selftest or test run", first.messageId());
        }
        if ("BUILD_REPORT".equals(first.botType()) || ProblemClass.find(ProblemClass.BUILD, title) != null) {
            return Verdict.of("low", "build or checker report", first.messageId());
        }
        String regression = largeRegression(opening);
        boolean mainline = !NOT_MAINLINE.matcher(first.subject()).find();
        if (regression != null && mainline) {
            return Verdict.of("high", "large measured performance regression: '" + regression + "'", first.messageId());
        }
        if (regression != null) {
            return Verdict.of("medium", "large performance regression, but on linux-next or a maintainer tree, not mainline: '"
                    + regression + "'", first.messageId());
        }
        if ("PERF_REPORT".equals(first.botType())) {
            return Verdict.of("medium", "performance report from the kernel test robot", first.messageId());
        }
        // "possible deadlock", "WARNING in", KCSAN races: the title names a warning-class splat, whatever the trace says
        String warnInTitle = ProblemClass.find(ProblemClass.WARN_ONLY, title);
        if (warnInTitle != null) {
            return Verdict.of("medium", "warning, lockdep or data-race report without a crash: '" + warnInTitle + "'",
                    first.messageId());
        }
        String high = ProblemClass.find(ProblemClass.HIGH, title);
        if (high == null) {
            high = ProblemClass.find(ProblemClass.HIGH, opening);
        }
        if (high != null) {
            return Verdict.of("high", "report of the high class: '" + high + "'", first.messageId());
        }
        String warn = ProblemClass.find(ProblemClass.WARN_ONLY, opening);
        if (warn != null) {
            return Verdict.of("medium", "warning or lockdep report without a crash: '" + warn + "'", first.messageId());
        }
        if (opening.contains("regression")) {
            return Verdict.of("medium", "functional or performance regression report", first.messageId());
        }
        return Verdict.of("medium", "bug report without crash, hang or memory-safety words", first.messageId());
    }

    /** A report from linux-next or a maintainer's branch: a regression there has not reached users. */
    private static final java.util.regex.Pattern NOT_MAINLINE = java.util.regex.Pattern.compile(
            "(?i)\\[(?:linux-next[^\\]]*|(?!linus:)[\\w-]+:[\\w./-]+(?: \\d+/\\d+)?)\\]");
    /** kernel test robot "kernel-selftests.cgroup.test_kmem.fail", "selftests: ... fails". */
    private static final java.util.regex.Pattern FAILING_TEST = java.util.regex.Pattern.compile(
            "\\bkernel-selftests\\.\\S*fail|\\bselftests?\\b.*\\bfail(?:s|ed|ing|ure)?\\b|\\bkunit\\b.*\\bfail");
    /** "perf: tests: fix ...", "selftests/bpf: ...", "samples/landlock: ...": the subsystem prefix names the tests. */
    private static final java.util.regex.Pattern TEST_OR_SAMPLE_TITLE = java.util.regex.Pattern.compile(
            "^(?:[\\w.-]+: )*(?:tests?|selftests?|kselftests?|kunit|samples?)(?:/[\\w.-]+)?: ");
    /** "security: add trace event for cap_capable", "memcg: add tracing for memcg stat updates". */
    private static final java.util.regex.Pattern TRACEPOINT_TITLE = java.util.regex.Pattern.compile(
            "\\b(?:add|introduce)s? (?:a |an |new )?(?:trace ?events?|tracepoints?|tracing)\\b");
    /** A crash, hang or memory-safety defect named where a change states its purpose. */
    private static final java.util.regex.Pattern CRASH_IN_LEAD = java.util.regex.Pattern.compile(
            "\\b(?:kernel panic|panics?|oops|null pointer dereference|general protection fault|use-after-free|"
                    + "deadlocks?|hung tasks?|soft lockup|crash(?:es)?)\\b");
    /** What is fixed is itself cleanup-class: typos, comments, style (RUBRIC.md: code style is low). */
    private static final java.util.regex.Pattern STYLE_FIX = java.util.regex.Pattern.compile(
            ".*\\bfix(?:es)? (?:a |the |some |minor )?(?:typos?|spelling|comments?|kernel-doc|"
            + "checkpatch\\S*|format(?:ting)?|style|coding style|whitespace|indentation)\\b.*");
    private static final java.util.regex.Pattern TYPO_FIX = java.util.regex.Pattern.compile(
            "^(?:\\S+: )*(?:fix )?(?:a |the )?(?:typos?|spelling)\\b.*");
    /** A compiler diagnostic as quoted in commit messages: "warning: unused function 'x' [-Wunused-function]". */
    private static final java.util.regex.Pattern COMPILER_WARNING = java.util.regex.Pattern.compile(
            "\\bwarning: [^\\n]{0,160}\\[-[wW][a-zA-Z0-9-]+(?:=[^\\]]*)?\\]");

    private static Verdict patch(ThreadFacts f, boolean security) {
        ThreadMessage head = f.postings().isEmpty() ? f.first() : f.postings().get(0);
        String title = head.title().toLowerCase(Locale.ROOT);
        List<String> evidence = new ArrayList<>(List.of(head.messageId()));
        boolean fixes = !f.trailers(TrailerType.FIXES).isEmpty();
        boolean stable = !f.stableCcEvidence().isEmpty() || head.tags().stream().anyMatch(t -> t.equalsIgnoreCase("stable"));
        if (f.allFilesUnder("tools/testing/selftests/", "Documentation/", "tools/", "samples/", "MAINTAINERS")) {
            return Verdict.of("low", "only selftests, tools, samples, documentation or MAINTAINERS touched", head.messageId());
        }
        if (TEST_OR_SAMPLE_TITLE.matcher(title).find()) {
            return Verdict.of("low", "a change to tests or sample programs only (title prefix)", head.messageId());
        }
        if (TRACEPOINT_TITLE.matcher(title).find()) {
            return Verdict.of("low", "adds a tracepoint: a debugging aid", head.messageId());
        }
        String text = f.postingText();
        String highInTitle = ProblemClass.find(ProblemClass.HIGH, title);
        String highInText = ProblemClass.find(ProblemClass.HIGH, text);
        String regression = largeRegression(text);
        // the first paragraph of a cover letter or commit message says what the change is for
        String crashInLead = ProblemClass.find(CRASH_IN_LEAD, leadParagraph(head.text()));
        if (highInTitle != null || (fixes || stable) && (highInText != null || regression != null) || security
                || crashInLead != null) {
            List<String> signals = new ArrayList<>();
            String what = highInTitle != null ? highInTitle : highInText != null && (fixes || stable) ? highInText
                    : regression != null ? regression : crashInLead;
            if (crashInLead != null && highInTitle == null && !fixes && !stable && !security) {
                signals.add("the opening paragraph names the crash or hang it addresses: '" + crashInLead + "'");
            }
            signals.add(security && what == null ? "security-relevant fix or hardening" : "fixes a problem of the high class: '" + what + "'");
            if (fixes) {
                signals.add("Fixes: trailer");
                evidence.addAll(f.trailerEvidence(TrailerType.FIXES));
            }
            if (stable) {
                signals.add("Cc: stable or stable-tree posting");
                evidence.addAll(f.stableCcEvidence());
            }
            String crash = ProblemClass.find(ProblemClass.CRASH_SPLAT, text);
            if (stable && crash != null) {
                signals.add("the crash is shown on a released kernel: '" + crash + "'");
                return Verdict.of("critical", signals, evidence);
            }
            return Verdict.of("high", signals, evidence);
        }
        String cleanup = ProblemClass.find(ProblemClass.CLEANUP, title);
        if (cleanup != null && !title.contains("fix") || TYPO_FIX.matcher(title).matches()
                || STYLE_FIX.matcher(title).matches()) {
            return Verdict.of("low", "cleanup-class change: '" + (cleanup == null ? "typo" : cleanup) + "'", head.messageId());
        }
        if (ProblemClass.find(ProblemClass.BUILD, title) != null) {
            return Verdict.of("low", "build warning or error fix", head.messageId());
        }
        if (COMPILER_WARNING.matcher(text).find() && highInText == null) {
            return Verdict.of("low", "fixes a compiler warning quoted in the commit message", head.messageId());
        }
        String unchanged = ProblemClass.find(ProblemClass.NO_FUNCTIONAL_CHANGE, text);
        if (unchanged != null && !fixes) {
            return Verdict.of("low", "the change says it changes no behaviour: '" + unchanged + "'", head.messageId());
        }
        if (fixes || stable) {
            return Verdict.of("medium", "fix without crash, hang or memory-safety words"
                    + (stable ? " (Cc: stable)" : "") + (fixes ? " (Fixes:)" : ""), head.messageId());
        }
        return Verdict.of("medium", "ordinary change with functional effect", head.messageId());
    }

    /** The first paragraph of a text (after a leading "From:" line), lower case, at most 400 characters. */
    static String leadParagraph(String text) {
        String t = text.strip();
        if (t.startsWith("From:")) {
            int nl = t.indexOf('\n');
            t = nl < 0 ? "" : t.substring(nl + 1).strip();
        }
        int end = t.indexOf("\n\n");
        t = end < 0 ? t : t.substring(0, end);
        return (t.length() > 400 ? t.substring(0, 400) : t).toLowerCase(Locale.ROOT);
    }

    /** A regression of 10% or more, or several times slower, in words or numbers; else null. */
    static String largeRegression(String text) {
        // every form of the pattern holds a '%' or an "x slower|longer|regression": most texts are ruled out here
        if (text.indexOf('%') < 0 && !text.contains("x slower") && !text.contains("x longer")
                && !text.contains("x regression")) {
            return null;
        }
        java.util.regex.Matcher m = ProblemClass.REGRESSION.matcher(text);
        while (m.find()) {
            String number = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int value = Integer.parseInt(number);
            if (m.group(3) != null ? value >= 2 : value >= 10) {
                return m.group().strip();
            }
        }
        return null;
    }
}
