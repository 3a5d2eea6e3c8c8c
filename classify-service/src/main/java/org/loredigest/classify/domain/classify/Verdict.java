package org.loredigest.classify.domain.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.loredigest.events.ThreadClassified;

/** A label value with the signals that decided it and the messages they were found in. */
public record Verdict(String value, List<String> signals, List<String> evidence) {

    public Verdict {
        signals = List.copyOf(new LinkedHashSet<>(signals));
        evidence = List.copyOf(new LinkedHashSet<>(evidence));
    }

    public static Verdict of(String value, String signal, String... evidence) {
        return new Verdict(value, List.of(signal), List.of(evidence));
    }

    public static Verdict of(String value, List<String> signals, List<String> evidence) {
        return new Verdict(value, signals, evidence);
    }

    public Verdict withSignal(String signal, String... moreEvidence) {
        List<String> s = new ArrayList<>(signals);
        s.add(signal);
        List<String> e = new ArrayList<>(evidence);
        e.addAll(List.of(moreEvidence));
        return new Verdict(value, s, e);
    }

    public ThreadClassified.Label toLabel() {
        return new ThreadClassified.Label(value, signals, evidence);
    }
}
