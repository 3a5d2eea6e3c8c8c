package org.loredigest.classify.domain.classify;

import org.loredigest.events.ThreadClassified;

/** The labels of one thread, before cross-thread evidence (revisions, stable reviews) is added. */
public record Classification(Verdict type, Verdict severity, Verdict security, Verdict fixStatus,
                             ThreadClassified.SubsystemLabel subsystems) {
}
