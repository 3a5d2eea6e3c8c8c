package org.loredigest.mail.header;

import java.time.Instant;

/**
 * A parsed Date header.
 *
 * @param instant the point in time, or {@code null} when the value could not be read
 * @param note    why the value is doubtful or unusable ({@code null} when it is clean)
 */
public record MailDate(Instant instant, String note) {

    static MailDate ok(Instant instant) {
        return new MailDate(instant, null);
    }

    static MailDate doubtful(Instant instant, String note) {
        return new MailDate(instant, note);
    }

    static MailDate unusable(String note) {
        return new MailDate(null, note);
    }
}
