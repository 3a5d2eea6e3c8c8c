package org.loredigest.classify.kafka;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.loredigest.events.DeadLetter;

/** Unwraps a failed result into its dead letter and adds the dead-letter headers. */
final class DeadLetterStep<V> implements FixedKeyProcessor<String, Routed<V>, DeadLetter> {

    private FixedKeyProcessorContext<String, DeadLetter> context;

    @Override
    public void init(FixedKeyProcessorContext<String, DeadLetter> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Routed<V>> record) {
        DeadLetter letter = record.value().deadLetter();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetters.addHeaders(headers, letter);
        context.forward(record.withValue(letter).withHeaders(headers));
    }
}
