package org.loredigest.events;

import java.time.Instant;
import java.util.List;

/**
 * A received mail was parsed. Value of {@link Topics#MAIL_PARSED}, keyed by {@link #key()}.
 *
 * @param key               same key as the {@link MailReceived} it came from: the mail's identity downstream (its
 *                          {@code lore-mails} document id, its place in thread state), equal to {@code messageId}
 *                          unless the mail had none or another mail held its Message-ID first (see {@link MessageKey})
 * @param messageId         normalised Message-ID; for mail without one, the content-derived key
 * @param messageIdMissing  true when the mail had no usable Message-ID header
 * @param list              short lore list name the mail was received on
 * @param listIds           List-Id / X-Mailing-List values, normalised (e.g. {@code cgroups.vger.kernel.org})
 * @param subject           decoded Subject
 * @param fromName          decoded display name of the sender, may be empty
 * @param fromEmail         sender address, lower-cased
 * @param authorBot         the sender is a bot (syzbot, kernel test robot, pr-tracker-bot, patchwork-bot)
 * @param date              when the mail was written: the Date header, or {@code receivedAt} when unusable
 * @param dateFromHeader    false when {@code date} fell back to {@code receivedAt}
 * @param utcOffsetMinutes  the zone of the Date header in minutes east of UTC (e.g. -480 for {@code -0800}), or
 *                          null when {@code date} is not from the header or the header had no plausible zone
 * @param inReplyTo         normalised In-Reply-To, or null
 * @param references        normalised References, oldest first
 * @param source            source of the received mail
 * @param sourcePosition    position inside the source
 * @param receivedAt        when the pipeline received it
 * @param sizeBytes         size of the raw message
 * @param problems          what was odd about the mail and how it was handled (empty when nothing)
 */
public record MailParsed(
        String key,
        String messageId,
        boolean messageIdMissing,
        String list,
        List<String> listIds,
        String subject,
        String fromName,
        String fromEmail,
        boolean authorBot,
        Instant date,
        boolean dateFromHeader,
        Integer utcOffsetMinutes,
        String inReplyTo,
        List<String> references,
        String source,
        String sourcePosition,
        Instant receivedAt,
        int sizeBytes,
        List<String> problems) {

    public MailParsed {
        listIds = listIds == null ? List.of() : List.copyOf(listIds);
        references = references == null ? List.of() : List.copyOf(references);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
