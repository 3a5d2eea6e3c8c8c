package org.loredigest.mail.header;

import java.time.Instant;

/**
 * A parsed Date header.
 *
 * @param instant          the point in time, or {@code null} when the value could not be read
 * @param note             why the value is doubtful or unusable ({@code null} when it is clean)
 * @param utcOffsetMinutes the zone the sender wrote, as minutes east of UTC ({@code +0530} is 330); {@code null}
 *                         when the value has no zone or an unreadable or absurd one
 */
public record MailDate(Instant instant, String note, Integer utcOffsetMinutes) {

    static MailDate ok(Instant instant, Integer utcOffsetMinutes) {
        return new MailDate(instant, null, utcOffsetMinutes);
    }

    static MailDate doubtful(Instant instant, String note, Integer utcOffsetMinutes) {
        return new MailDate(instant, note, utcOffsetMinutes);
    }

    static MailDate unusable(String note) {
        return new MailDate(null, note, null);
    }
}
