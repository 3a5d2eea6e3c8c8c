package org.loredigest.classify.domain.classify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.Alternation;
import org.loredigest.classify.domain.TextMemo;

/** Words that name the class of a problem, shared by the severity and security rules. */
final class ProblemClass {

    /** Crash, hang, memory safety, leak: the "high" class of RUBRIC.md. */
    static final Alternation HIGH = Alternation.compile(
            "\\b(?:kernel panic|panic|oops|kernel bug|bug: |null(?:[- ]pointer)? (?:pointer )?deref\\w*|general protection fault|"
                    + "use[- ]after[- ]free|uaf|slab-use-after-free|out[- ]of[- ]bounds|double[- ]free|kasan|kmsan|"
                    + "deadlock|dead lock|hung task|task hung|hang(?:s)?\\b|lockup|rcu stall|rcu detected stall|rcu_sched self-detected stall|"
                    + "memory leak|kmemleak|leaks? (?:memory|pages|a reference|the)|stuck|premature (?:memcg )?oom|refcount (?:leak|underflow|overflow)|"
                    + "data corruption|corrupt(?:s|ed|ion)?|crash(?:es|ed)?|unable to handle kernel|soft lockup|livelock|"
                    + "oom[- ]kill\\w* (?:the whole|all|every)|infinite loop|overflow)\\b");
    /** Warn-only splats and lockdep reports: "medium" unless something above is present too. */
    static final Alternation WARN_ONLY = Alternation.compile(
            "\\b(?:warning: cpu|warning in|warn_on|possible circular locking|possible deadlock|lockdep|"
                    + "suspicious rcu usage|inconsistent lock state|kcsan: data-race|data-race in|"
                    + "sleeping function called from invalid context|odebug|warning:at_\\w*)\\b");
    /** Build breakage and checker noise: "low" in the rubric ("boot error:"/"test error:" are runtime failures). */
    static final Alternation BUILD = Alternation.compile(
            "\\b(?:build (?:error|failure|warning|regression)|compile (?:error|warning)|(?<!boot |test )error: |warning: unused|"
                    + "-werror|w=1|sparse: |smatch|coccinelle|coverity|undefined reference|implicit declaration|"
                    + "kernel-doc|doesn't build|does not build|fails to build|linux-next: build)\\b");
    /**
     * Memory-safety, isolation and access-control classes: security-relevant per RUBRIC.md convention 4. Sanitizer
     * findings count only for memory corruption: a KASAN null-ptr-deref or wild access is a crash, a KMSAN uninit-value
     * is security only when the value reaches user space (kernel-infoleak), a KCSAN race is not security.
     */
    static final Alternation SECURITY = Alternation.compile(
            "\\b(?:use[- ]after[- ]free|slab-use-after-free|uaf|(?<!shift-)out[- ]of[- ]bounds|oob (?:read|write|access)|"
                    + "buffer overflow|heap overflow|stack overflow|integer overflow|double[- ]free|invalid-free|"
                    + "uninitiali[sz]ed (?:memory|value|data) (?:to|is) (?:user|exposed|leak)|kernel-infoleak|"
                    + "kasan: (?:slab-|global-|stack-|vmalloc-|user-memory-)?(?:use-after-free|out-of-bounds)|"
                    + "corrupted list|list_(?:add|del) corruption|"
                    + "bypass(?:es|ing)? (?:the |a |any |all )?(?:permissions?|security|access|lsm|capability) checks?|"
                    + "missing (?:a |the )?(?:security_\\w+\\(\\)|lsm|permission|security) (?:hook |check)|"
                    + "sandbox escape|escape (?:its|the) sandbox|"
                    + "info(?:rmation)? leak|leaks? kernel (?:memory|pointers?|addresses)|privilege escalation|"
                    + "cve-\\d{4}-\\d+|refcount (?:underflow|overflow|corruption)|type confusion|"
                    + "(?:unprivileged|non-root|untrusted) (?:user|users|container|process)[^.\\n]{0,80}"
                    + "(?:dos|denial of service|lockup|oom|exhaust|hang|starv)|"
                    + "denial of service|bypass(?:es|ing)? (?:the )?(?:memory\\.max|limit|limits|memcg limit|cgroup limit|"
                    + "constraint|accounting)|escape (?:the|its) (?:cgroup|limit)|"
                    + "(?:exceed|escape|bypass)(?:es|s|ed|ing)? (?:the |its |their )?(?:memcg|cgroup|container|memory) limits?)");
    /** A measured performance regression: "high" when large (RUBRIC.md convention 3). */
    static final Pattern REGRESSION = Pattern.compile(
            "(?:-\\s?(\\d{2,3})(?:\\.\\d+)?%\\s+regression|(\\d{2,3})(?:\\.\\d+)?% (?:regression|slower|throughput drop)|"
                    + "(\\d+)x (?:slower|longer|regression))");
    /** A crash shown with its splat: the evidence "critical" needs when it is on a released or stable kernel. */
    static final Alternation CRASH_SPLAT = Alternation.compile(
            "\\b(?:kernel panic|general protection fault|unable to handle (?:kernel )?(?:null pointer|paging request)|"
                    + "oops: |kernel bug at)");
    /** Changes that say they change nothing a user could notice. */
    static final Alternation NO_FUNCTIONAL_CHANGE = Alternation.compile(
            "\\b(?:no functional change|no (?:change in )?behaviou?r(?:al)? change|should not change behaviou?r|"
                    + "not change behaviou?r|no change in behaviou?r|there (?:is|are|should be) no (?:functional )?change|"
                    + "which is simpler|is now unused|no users?\\b|now-unused|useless variable|dead code|is a no-op)");
    /** Cleanup-class changes: "low". */
    static final Alternation CLEANUP = Alternation.compile(
            "\\b(?:cleanup|clean up|clean-up|cleanups|typo|typos|spelling|comment|comments|kernel-doc|doc|docs|documentation|"
                    + "whitespace|coding style|checkpatch|unused|dead code|remove (?:the )?(?:unused|unneeded|redundant|"
                    + "unnecessary|stale|obsolete|useless)|redundant|unnecessary|rename|renaming|simplify|selftests?|kselftest|"
                    + "make \\w+ static|constify|const |trivial|minor|tidy|nit|debug(?:fs)? only|w=1|missing prototype|"
                    + "reorder|move (?!away\\b)\\w+ (?:to|into|from|out of)|use \\w+\\(\\) helper|convert to|replace \\w+ with)\\b");

    private ProblemClass() {
    }

    /** The first match of a phrase list in text, or null; remembered per list and text (see {@link TextMemo}). */
    static String find(Alternation phrases, String text) {
        return FOUND_PHRASES.computeIfAbsent(phrases, p -> new TextMemo<>(1_024)).apply(text, t -> {
            String found = phrases.find(t);
            return found == null ? Optional.empty() : Optional.of(found.strip());
        }).orElse(null);
    }

    /** The first match of a pattern in text, or null; remembered per pattern and text (see {@link TextMemo}). */
    static String find(Pattern pattern, String text) {
        return FOUND.computeIfAbsent(pattern, p -> new TextMemo<>(1_024)).apply(text, t -> {
            Matcher m = pattern.matcher(t);
            return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
        }).orElse(null);
    }

    private static final Map<Pattern, TextMemo<Optional<String>>> FOUND = new ConcurrentHashMap<>();
    private static final Map<Alternation, TextMemo<Optional<String>>> FOUND_PHRASES = new ConcurrentHashMap<>();
}
