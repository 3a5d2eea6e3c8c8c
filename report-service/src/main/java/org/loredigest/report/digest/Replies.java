package org.loredigest.report.digest;

import java.util.List;
import org.loredigest.report.digest.PeriodActivity.Reply;

/** Which reply a digest quotes: a NAK before an objection before a design question before an "applied". */
final class Replies {

    static final List<String> WEIGHT = List.of("applied", "question", "objection", "nak");

    private Replies() {
    }

    static Reply stronger(Reply a, Reply b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int byTone = Integer.compare(WEIGHT.indexOf(a.tone()), WEIGHT.indexOf(b.tone()));
        if (byTone != 0) {
            return byTone > 0 ? a : b;
        }
        int byLength = Integer.compare(length(a), length(b));
        if (byLength != 0) {
            return byLength > 0 ? a : b;
        }
        return a.at() != null && b.at() != null && b.at().isBefore(a.at()) ? b : a;
    }

    private static int length(Reply r) {
        return r.quote() == null ? 0 : r.quote().length();
    }
}
