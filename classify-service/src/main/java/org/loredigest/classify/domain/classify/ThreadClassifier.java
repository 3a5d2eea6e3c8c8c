package org.loredigest.classify.domain.classify;

import java.util.Optional;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.mail.maintainers.Maintainers;

/**
 * Labels a thread by the published rubric (RUBRIC.md; definitions, signals and examples in docs/classification.md).
 * Deterministic and self-contained: the same messages always give the same labels.
 */
public final class ThreadClassifier {

    private final SubsystemRule subsystems;

    public ThreadClassifier(Optional<Maintainers> maintainers) {
        this.subsystems = new SubsystemRule(maintainers);
    }

    public Classification classify(ThreadView view) {
        ThreadFacts facts = new ThreadFacts(view);
        Verdict type = TypeRule.decide(facts);
        Verdict security = SecurityRule.decide(facts);
        Verdict severity = SeverityRule.decide(facts, type.value(), security.value());
        Verdict fixStatus = FixStatusRule.decide(facts, type.value(), subsystems.maintainerEmails(facts));
        return new Classification(type, severity, security, fixStatus, subsystems.decide(facts));
    }
}
