package org.loredigest.classify.domain.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadClassified.SummaryField;

/** The digest fields by name, in the order the digest shows them, to read from and write into a {@link Summary}. */
public final class SummaryFields {

    /** Field names as in {@link Summary} and in a model's JSON answer. */
    public static final List<String> NAMES = List.of("headline", "problem", "background", "trigger", "solution",
            "implementation", "caveats", "impactComponents", "impactPerformance", "impactCompatibility", "impactUrgency",
            "keyPoints");

    private SummaryFields() {
    }

    public static Map<String, SummaryField> of(Summary s) {
        Map<String, SummaryField> m = new LinkedHashMap<>();
        m.put("headline", s.headline());
        m.put("problem", s.problem());
        m.put("background", s.background());
        m.put("trigger", s.trigger());
        m.put("solution", s.solution());
        m.put("implementation", s.implementation());
        m.put("caveats", s.caveats());
        m.put("impactComponents", s.impactComponents());
        m.put("impactPerformance", s.impactPerformance());
        m.put("impactCompatibility", s.impactCompatibility());
        m.put("impactUrgency", s.impactUrgency());
        m.put("keyPoints", s.keyPoints());
        return m;
    }

    /** A summary whose every field is {@code pick(name)}. */
    public static Summary build(String summariser, Function<String, SummaryField> pick, String contentHash) {
        return new Summary(summariser, pick.apply("headline"), pick.apply("problem"), pick.apply("background"),
                pick.apply("trigger"), pick.apply("solution"), pick.apply("implementation"), pick.apply("caveats"),
                pick.apply("impactComponents"), pick.apply("impactPerformance"), pick.apply("impactCompatibility"),
                pick.apply("impactUrgency"), pick.apply("keyPoints"), contentHash);
    }
}
