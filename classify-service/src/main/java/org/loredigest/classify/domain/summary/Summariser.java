package org.loredigest.classify.domain.summary;

import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified;

/**
 * Fills the digest fields of a topic. The default, {@link ExtractiveSummariser}, copies sentences out of the mail and
 * names the message each came from. Another implementation (for example one backed by a language model) can replace
 * or refine it: it receives the same thread and labels, and must keep {@code sourceMessageId} on every field it fills
 * and leave fields {@code empty} that the thread gives no evidence for.
 */
public interface Summariser {

    /** Recorded in {@code Summary.summariser} so readers know how the fields were made. */
    String name();

    ThreadClassified.Summary summarise(ThreadView thread, Classification labels);
}
