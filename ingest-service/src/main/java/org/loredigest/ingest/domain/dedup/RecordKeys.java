package org.loredigest.ingest.domain.dedup;

import org.loredigest.events.MessageKey;
import org.loredigest.mail.MessageIds;
import org.loredigest.mail.header.RawHeader;

/**
 * The record key a mail is first offered under: its Message-ID read and normalised by kernel-mail exactly as the
 * parser does (so the key, the Elasticsearch id and the thread links agree), else a hash of its bytes.
 * {@link DuplicateFilter} may replace it by the content digest when another mail already holds the Message-ID.
 */
public final class RecordKeys {

    private RecordKeys() {
    }

    public static String of(RawHeader header) {
        String id = MessageIds.ofMessage(header);
        return id != null ? id : MessageKey.fromContent(header.raw());
    }
}
