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
        if ("BUILD_REPORT".equals(first.botType()) || ProblemClass.find(ProblemClass.BUILD, title) != null) {
            return Verdict.of("low", "build or checker report", first.messageId());
        }
        String regression = largeRegression(opening);
        if (regression != null) {
            return Verdict.of("high", "large measured performance regression: '" + regression + "'", first.messageId());
        }
        if ("PERF_REPORT".equals(first.botType())) {
            return Verdict.of("medium", "performance report from the kernel test robot", first.messageId());
        }
        String high = ProblemClass.find(ProblemClass.HIGH, title);
        if (high == null && ProblemClass.find(ProblemClass.WARN_ONLY, title) == null) {
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

    /** What is fixed is itself cleanup-class: typos, comments, style (RUBRIC.md: code style is low). */
    private static final String STYLE_FIX = ".*\\bfix(?:es)? (?:a |the |some |minor )?(?:typos?|spelling|comments?|kernel-doc|"
            + "checkpatch\\S*|format(?:ting)?|style|coding style|whitespace|indentation)\\b.*";
    /** A compiler diagnostic as quoted in commit messages: "warning: unused function 'x' [-Wunused-function]". */
    private static final java.util.regex.Pattern COMPILER_WARNING = java.util.regex.Pattern.compile(
            "\\bwarning: [^\\n]{0,160}\\[-[wW][a-zA-Z0-9-]+(?:=[^\\]]*)?\\]");

    private static Verdict patch(ThreadFacts f, boolean security) {
        ThreadMessage head = f.postings().isEmpty() ? f.first() : f.postings().get(0);
        String title = head.title().toLowerCase(Locale.ROOT);
        List<String> evidence = new ArrayList<>(List.of(head.messageId()));
        boolean fixes = !f.trailers(TrailerType.FIXES).isEmpty();
        boolean stable = !f.stableCcEvidence().isEmpty() || head.tags().stream().anyMatch(t -> t.equalsIgnoreCase("stable"));
        if (f.allFilesUnder("tools/testing/selftests/", "Documentation/", "tools/", "MAINTAINERS")) {
            return Verdict.of("low", "only selftests, tools, documentation or MAINTAINERS touched", head.messageId());
        }
        String text = f.postingText();
        String highInTitle = ProblemClass.find(ProblemClass.HIGH, title);
        String highInText = ProblemClass.find(ProblemClass.HIGH, text);
        String regression = largeRegression(text);
        if (highInTitle != null || (fixes || stable) && (highInText != null || regression != null) || security) {
            List<String> signals = new ArrayList<>();
            String what = highInTitle != null ? highInTitle : highInText != null ? highInText : regression;
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
        if (cleanup != null && !title.contains("fix") || title.matches("^(?:\\S+: )*(?:fix )?(?:a |the )?(?:typos?|spelling)\\b.*")
                || title.matches(STYLE_FIX)) {
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

    /** A regression of 10% or more, or several times slower, in words or numbers; else null. */
    static String largeRegression(String text) {
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
