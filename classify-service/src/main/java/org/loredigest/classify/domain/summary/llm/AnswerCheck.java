package org.loredigest.classify.domain.summary.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.summary.SummaryFields;
import org.loredigest.events.ThreadClassified.SummaryField;

/**
 * Checks a model's answer field by field: JSON of the agreed form, Chinese and English both present, every claim
 * resting on Message-IDs of this thread, required fields filled, nothing that contradicts the rule-based labels.
 */
final class AnswerCheck {

    /** Fields every topic can answer; an empty one means the model did not read the thread. */
    static final Set<String> REQUIRED = Set.of("headline", "problem");
    static final String SOURCE = "llm";

    /** A claim that the fix landed: only the evidence-based fix status may say that. */
    private static final Pattern LANDED = Pattern.compile(
            "(?i)\\b(?:merged|has been applied|was applied|applied (?:to|it|the|this)|queued (?:for|in|to|up)|landed in)\\b"
                    + "|已合入|已合并|已被合入|已应用|已被应用|已进入主线|已被接收");
    private static final Pattern SECURITY = Pattern.compile(
            "(?i)\\bCVE-\\d|\\bsecurity (?:vulnerability|issue|hole|bug|fix)|\\bexploit\\w*|安全漏洞|安全问题|可被利用");

    /**
     * @param accepted fields that passed, by name ({@link SummaryField#none()} where the model rightly left it empty)
     * @param problems what was wrong, one line per rejected field or for the whole answer
     */
    record Result(Map<String, SummaryField> accepted, List<String> problems) {
        boolean complete() {
            return problems.isEmpty();
        }
    }

    private final ObjectMapper json;

    AnswerCheck(ObjectMapper json) {
        this.json = json;
    }

    Result check(String content, Set<String> threadIds, Classification labels) {
        JsonNode root;
        try {
            root = json.readTree(withoutFence(content));
        } catch (JsonProcessingException e) {
            return new Result(Map.of(), List.of("the answer is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return new Result(Map.of(), List.of("the answer is not one JSON object"));
        }
        Map<String, SummaryField> accepted = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : SummaryFields.NAMES) {
            String problem = checkField(name, root.get(name), threadIds, labels, accepted);
            if (problem != null) {
                problems.add(name + ": " + problem);
            }
        }
        return new Result(accepted, problems);
    }

    private static String checkField(String name, JsonNode node, Set<String> threadIds, Classification labels,
                                     Map<String, SummaryField> accepted) {
        if (node == null || !node.isObject()) {
            return "missing, or not an object with zh, en and messageIds";
        }
        String zh = node.path("zh").asText("").strip();
        String en = node.path("en").asText("").strip();
        List<String> ids = new ArrayList<>();
        node.path("messageIds").forEach(id -> ids.add(normalise(id.asText(""))));
        if (zh.isEmpty() && en.isEmpty()) {
            if (REQUIRED.contains(name)) {
                return "required but empty";
            }
            accepted.put(name, SummaryField.none());
            return null;
        }
        if (zh.isEmpty() || en.isEmpty()) {
            return "needs both zh and en";
        }
        if (ids.isEmpty()) {
            return "names no Message-ID";
        }
        for (String id : ids) {
            if (!threadIds.contains(id)) {
                return "Message-ID <" + id + "> is not a message of this thread";
            }
        }
        String text = zh + "\n" + en;
        String fix = labels.fixStatus().value();
        if (!fix.equals("applied") && !fix.equals("merged") && LANDED.matcher(text).find()) {
            return "says the change was merged or applied, but the fix status is " + fix;
        }
        if (!labels.security().value().equals("yes") && SECURITY.matcher(text).find()) {
            return "calls the topic a security issue, but the security label is no";
        }
        accepted.put(name, SummaryField.grounded(en, zh, List.copyOf(new java.util.LinkedHashSet<>(ids)), SOURCE));
        return null;
    }

    private static String normalise(String id) {
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    /** Some models wrap JSON in a Markdown code fence even when asked not to. */
    private static String withoutFence(String content) {
        String s = content.strip();
        if (s.startsWith("```")) {
            int start = s.indexOf('\n');
            int end = s.lastIndexOf("```");
            if (start > 0 && end > start) {
                return s.substring(start + 1, end);
            }
        }
        return s;
    }
}
