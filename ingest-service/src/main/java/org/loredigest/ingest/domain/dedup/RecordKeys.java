package org.loredigest.ingest.domain.dedup;

import org.loredigest.events.MessageKey;
import org.loredigest.ingest.domain.RawHeaders;
import org.loredigest.mail.MessageIds;

/**
 * The record key a mail is first offered under: its Message-ID by kernel-mail's rule (the same the parser applies,
 * so the key, the Elasticsearch id and the thread links agree), else a hash of its bytes. {@link DuplicateFilter}
 * may replace it by the content digest when another mail already holds the Message-ID.
 */
public final class RecordKeys {

    private RecordKeys() {
    }

    public static String of(byte[] raw) {
        String id = MessageIds.normalize(RawHeaders.first(raw, "Message-ID"));
        return id != null ? id : MessageKey.fromContent(raw);
    }
}
