package org.loredigest.mail.kind;

import java.util.List;
import org.loredigest.mail.body.BodyParts;
import org.loredigest.mail.header.MailAddress;
import org.loredigest.mail.patch.PatchInfo;
import org.loredigest.mail.patch.PullRequest;
import org.loredigest.mail.subject.ParsedSubject;
import org.loredigest.mail.trailer.Trailer;

/**
 * What the classifier looks at: everything is already parsed, classification only combines facts.
 *
 * @param threaded the message has In-Reply-To or References
 */
public record MailFacts(ParsedSubject subject, MailAddress from, List<MailAddress> recipients, String text, BodyParts parts,
                        PatchInfo patch, PullRequest pullRequest, List<Trailer> trailers, boolean htmlOnly, boolean threaded) {
}
