package org.loredigest.mail.series;

import org.loredigest.mail.ParsedMail;

/**
 * What makes patch mails one posting: same author, version, RFC flag and series length, and the same thread.
 * Unthreaded mails (git format-patch output) have no thread and are grouped by the rest.
 */
record RevisionKey(String author, int version, boolean rfc, int total, String thread) {

    static RevisionKey of(ParsedMail m, String thread) {
        return new RevisionKey(m.fromEmail(), m.parsedSubject().version(), m.parsedSubject().rfc(),
                m.parsedSubject().total(), thread);
    }
}
