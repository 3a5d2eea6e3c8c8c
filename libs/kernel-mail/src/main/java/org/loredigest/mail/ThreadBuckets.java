package org.loredigest.mail;

import org.loredigest.mail.header.RawHeader;

/**
 * The bucket a mail's thread state starts in: its oldest reference (the first of References, else In-Reply-To,
 * neither naming the mail itself), else its own record key. Equal to the first of {@link ParsedMail#threadReferences()}
 * for the same mail, so a producer reading only the header can place a mail where thread state will want it.
 */
public final class ThreadBuckets {

    private ThreadBuckets() {
    }

    /** @param recordKey the mail's record key, the bucket of a mail that names no other */
    public static String of(RawHeader header, String recordKey) {
        String self = MessageIds.normalize(header.get("message-id"));
        for (String reference : MessageIds.parseList(header.get("references"))) {
            if (!reference.equals(self)) {
                return reference;
            }
        }
        String inReplyTo = MessageIds.normalize(header.get("in-reply-to"));
        return inReplyTo != null && !inReplyTo.equals(self) ? inReplyTo : recordKey;
    }
}
