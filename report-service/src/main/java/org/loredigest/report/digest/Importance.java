package org.loredigest.report.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much a topic matters in a period, as a score with its reasons (docs/digest.md, "Importance"). Labels say how
 * bad the problem is, the period's activity says how much is happening to it now:
 *
 * <pre>
 * severity            critical 40, high 25, medium 10, low 3
 * security            +20
 * regression          +10   (a regression report or a fix of one)
 * Cc: stable          +8
 * mails in period     +4·log2(1 + mails), at most 20
 * people in period    +2 each, at most 10
 * reviewers           +3 per reviewer (Reviewed/Acked/Tested-by), at most 12
 * maintainer wrote    +8    (a maintainer of its subsystem wrote in the period)
 * concluded / status  +6    (applied, merged in the period) · +4 a new revision · +4 a NAK or objection
 * </pre>
 *
 * @param score   the sum
 * @param reasons each part that counted, e.g. {@code "severity high +25"}
 */
public record Importance(int score, List<String> reasons) {

    public Importance {
        reasons = List.copyOf(reasons);
    }

    public static Importance of(DigestTopic t) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        int severity = switch (t.severity()) {
            case "critical" -> 40;
            case "high" -> 25;
            case "medium" -> 10;
            default -> 3;
        };
        score += add(reasons, "severity " + t.severity(), severity);
        if (t.security()) {
            score += add(reasons, "security", 20);
        }
        if (t.regression()) {
            score += add(reasons, "regression", 10);
        }
        if (t.stableCc()) {
            score += add(reasons, "Cc: stable", 8);
        }
        PeriodActivity a = t.activity();
        if (a.messages() > 0) {
            score += add(reasons, a.messages() + " mails in period",
                    (int) Math.min(20, Math.round(4 * Math.log(1 + a.messages()) / Math.log(2))));
        }
        if (a.participants() > 0) {
            score += add(reasons, a.participants() + " people in period", Math.min(10, 2 * a.participants()));
        }
        if (t.reviewers() > 0) {
            score += add(reasons, t.reviewers() + " reviewers", Math.min(12, 3 * t.reviewers()));
        }
        if (a.maintainers()) {
            score += add(reasons, "maintainer involved", 8);
        }
        if (a.statusChanges().stream().anyMatch(c -> "applied".equals(c.to()) || "merged".equals(c.to()))) {
            score += add(reasons, "applied/merged in period", 6);
        }
        if (!a.revisions().isEmpty()) {
            score += add(reasons, "new revision", 4);
        }
        if (a.highlight() != null && ("nak".equals(a.highlight().tone()) || "objection".equals(a.highlight().tone()))) {
            score += add(reasons, a.highlight().tone().toUpperCase(Locale.ROOT).equals("NAK") ? "NAK" : "objection", 4);
        }
        return new Importance(score, reasons);
    }

    private static int add(List<String> reasons, String why, int points) {
        reasons.add(why + " +" + points);
        return points;
    }
}
