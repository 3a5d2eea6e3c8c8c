package org.loredigest.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.loredigest.ingest.domain.dedup.ContentDigest;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.mail.hostile.HostileMail;
import org.loredigest.mail.hostile.MutationKind;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.mail.mbox.MboxrdWriter;

/**
 * One mbox upload of good corpus mail interleaved with hostile variants of it, and what ingest must make of each
 * message: published once, skipped as a copy (same Message-ID and content digest as an earlier one), or
 * dead-lettered for its size. Every message gets a Message-ID of its own first, so that nothing is a copy of mail
 * published by other tests.
 */
record HostileBatch(List<Item> items, byte[] mbox, Map<MutationKind, Integer> kinds) {

    enum Outcome { PUBLISHED, DUPLICATE, DEAD_LETTERED }

    /**
     * @param label    {@code good #3} or {@code TRUNCATED_MIME #7}
     * @param good     an unmodified corpus message
     * @param key      the Message-ID it was given
     * @param bytes    the message as the mbox carries it (mboxrd ends every message with a newline)
     * @param expected what ingest must do with it
     */
    record Item(String label, boolean good, String key, byte[] bytes, Outcome expected) {
    }

    static HostileBatch build(List<byte[]> corpus, String run, long seed, int good, int hostile, int maxMessageBytes) {
        HostileMail mutator = new HostileMail(seed);
        Random pick = new Random(seed);
        List<byte[]> raws = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<MutationKind, Integer> kinds = new EnumMap<>(MutationKind.class);
        for (int i = 0; i < Math.max(good, hostile); i++) {
            if (i < good) {
                keys.add(run + "-good-" + i + "@lore-digest.test");
                raws.add(HostileMail.withMessageId(corpus.get(i), keys.get(keys.size() - 1)));
                labels.add("good #" + i);
            }
            if (i < hostile) {
                MutationKind kind = mutator.kindFor(i);
                keys.add(run + "-hostile-" + i + "@lore-digest.test");
                byte[] base = HostileMail.withMessageId(corpus.get(pick.nextInt(corpus.size())), keys.get(keys.size() - 1));
                raws.add(mutator.mutate(base, kind));
                labels.add(kind + " #" + i);
                kinds.merge(kind, 1, Integer::sum);
            }
        }
        byte[] mbox = MboxrdWriter.write(raws);
        List<MboxMessage> framed = new MboxReader(new ByteArrayInputStream(mbox)).stream().toList();
        if (framed.size() != raws.size()) {
            throw new IllegalStateException("mboxrd framing split or merged messages: " + framed.size() + " of " + raws.size());
        }
        List<Item> items = new ArrayList<>();
        Set<String> published = new HashSet<>();
        for (int i = 0; i < raws.size(); i++) {
            byte[] bytes = framed.get(i).raw();
            Outcome expected;
            if (bytes.length > maxMessageBytes) {
                expected = Outcome.DEAD_LETTERED;
            } else {
                RawHeader header = RawHeader.scan(bytes);
                String identity = RecordKeys.of(header) + " " + ContentDigest.of(header);
                expected = published.add(identity) ? Outcome.PUBLISHED : Outcome.DUPLICATE;
            }
            items.add(new Item(labels.get(i), labels.get(i).startsWith("good"), keys.get(i), bytes, expected));
        }
        return new HostileBatch(List.copyOf(items), mbox, kinds);
    }

    long count(Outcome outcome) {
        return items.stream().filter(i -> i.expected() == outcome).count();
    }
}
