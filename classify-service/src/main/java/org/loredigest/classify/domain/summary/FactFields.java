package org.loredigest.classify.domain.summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/**
 * Fields stated by the mail's structure rather than its prose: the diffstat, the MAINTAINERS sections of the touched
 * files, the user-visible interfaces the diff adds, Fixes:/Cc: stable trailers. Written in English and Chinese.
 */
final class FactFields {

    private static final Map<String, String> SEVERITY_ZH = Map.of("critical", "严重", "high", "高", "medium", "中", "low", "低");

    private FactFields() {
    }

    static SummaryField implementation(ThreadView thread) {
        List<ThreadMessage> diffs = thread.messages().stream().filter(m -> m.hasDiff() && !m.fromBot()).toList();
        if (diffs.isEmpty()) {
            return SummaryField.none();
        }
        int files = 0;
        int plus = 0;
        int minus = 0;
        Set<String> paths = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        for (ThreadMessage m : diffs) {
            files += m.files().size();
            plus += m.insertions();
            minus += m.deletions();
            m.files().forEach(f -> paths.add(f.path()));
            functions.addAll(m.functions());
        }
        String pathList = String.join(", ", paths.stream().limit(8).toList()) + (paths.size() > 8 ? ", …" : "");
        String functionList = String.join(", ", functions.stream().limit(10).map(f -> f + "()").toList());
        String en = diffs.size() + (diffs.size() == 1 ? " patch, " : " patches, ") + files
                + (files == 1 ? " file changed, " : " files changed, ") + plus + " insertions(+), " + minus
                + " deletions(-): " + pathList + (functions.isEmpty() ? "" : "; functions: " + functionList);
        String zh = diffs.size() + " 个补丁，修改 " + files + " 个文件（+" + plus + "/-" + minus + " 行）：" + pathList
                + (functions.isEmpty() ? "" : "；涉及函数：" + functionList);
        String first = diffs.get(0).messageId();
        return new SummaryField(en, first, "diffstat", false, zh, List.of(first));
    }

    static SummaryField components(Classification labels) {
        var subsystems = labels.subsystems();
        boolean fromFiles = subsystems.signals().stream().anyMatch(s -> s.contains("touched files"));
        if (subsystems.values().isEmpty() || subsystems.evidenceMessageIds().isEmpty() || !fromFiles) {
            return SummaryField.none();
        }
        String text = String.join("; ", subsystems.values());
        String first = subsystems.evidenceMessageIds().get(0);
        return new SummaryField(text, first, "MAINTAINERS sections of the touched files", false, text, List.of(first));
    }

    /** User-visible interfaces the diff adds (cgroup files, proc/sysfs files, kfuncs, flags). */
    static SummaryField addedInterfaces(ThreadView thread) {
        for (ThreadMessage m : thread.messages()) {
            List<String> names = m.fromBot() ? List.of() : m.interfaces().stream().map(FactFields::interfaceName)
                    .filter(n -> !n.isEmpty()).distinct().limit(8).toList();
            if (!names.isEmpty()) {
                String list = String.join(", ", names);
                return new SummaryField("The diff adds user-visible interfaces: " + list, m.messageId(), "diff", false,
                        "补丁新增用户可见接口：" + list, List.of(m.messageId()));
            }
        }
        return SummaryField.none();
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([\\w.\\-/]+)\"");
    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[\\w.\\-/]+");
    private static final java.util.regex.Pattern ATTR = java.util.regex.Pattern.compile("__ATTR_\\w+\\((\\w+)\\)");
    private static final java.util.regex.Pattern KFUNC = java.util.regex.Pattern.compile("__bpf_kfunc\\b.*?(\\w+)\\(");

    /** The name a user sees for an interface the diff adds, or empty when the diff line shows none. */
    static String interfaceName(String added) {
        String s = added.strip();
        if (PLAIN_NAME.matcher(s).matches()) {
            return s;
        }
        for (var pattern : List.of(QUOTED, ATTR)) {
            var m = pattern.matcher(s);
            if (m.find()) {
                return m.group(1);
            }
        }
        var kfunc = KFUNC.matcher(s);
        return kfunc.find() ? kfunc.group(1) + "() (kfunc)" : "";
    }

    static SummaryField urgency(ThreadView thread, Classification labels) {
        List<String> parts = new ArrayList<>();
        String source = null;
        for (ThreadMessage m : thread.messages()) {
            for (Trailer t : m.trailers()) {
                if (t.stableCc() || t.type() == TrailerType.FIXES) {
                    parts.add(t.display());
                    source = source == null ? m.messageId() : source;
                }
            }
            if (parts.size() >= 3) {
                break;
            }
        }
        if (source == null) {
            return SummaryField.none();
        }
        String trailers = String.join("; ", new LinkedHashSet<>(parts));
        String severity = labels.severity().value();
        boolean stable = parts.stream().anyMatch(p -> p.toLowerCase(java.util.Locale.ROOT).contains("stable"));
        String en = trailers + " (severity " + severity + (stable ? ", marked for stable backport" : "") + ")";
        String zh = trailers + "（严重程度：" + SEVERITY_ZH.getOrDefault(severity, severity) + (stable ? "，已标记回合 stable" : "") + "）";
        return new SummaryField(en, source, "trailers", false, zh, List.of(source));
    }
}
