package org.loredigest.mail;

import java.time.Instant;
import java.util.List;

/**
 * The keys a caller needs to route or deduplicate a message, read from the header alone.
 *
 * @param messageId         normalised Message-ID, or a content-derived fallback id
 * @param messageIdFallback whether {@code messageId} is the fallback
 * @param date              Date header, or the received time
 * @param dateSource        where {@code date} came from
 * @param listIds           List-Id and X-Mailing-List in dotted form
 */
public record HeaderKeys(String messageId, boolean messageIdFallback, Instant date, DateSource dateSource, List<String> listIds) {
}
