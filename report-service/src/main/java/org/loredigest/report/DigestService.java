package org.loredigest.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.loredigest.events.ThreadClassified;
import org.loredigest.report.digest.Digest;
import org.loredigest.report.digest.DigestAssembler;
import org.loredigest.report.digest.DigestFormat;
import org.loredigest.report.digest.DigestLanguage;
import org.loredigest.report.digest.DigestRenderer;
import org.loredigest.report.digest.DigestTopic;
import org.loredigest.report.digest.DigestTopics;
import org.loredigest.report.domain.DigestQuery;
import org.loredigest.report.domain.InvalidQueryException;
import org.loredigest.report.elasticsearch.MailDates;
import org.loredigest.report.elasticsearch.TopicRepository;

/** Assembles a digest from the topic read model: the topics active in the period asked for and in the one before it. */
@ApplicationScoped
public class DigestService {

    private final TopicRepository topics;
    private final MailDates mailDates;
    private final DigestRenderer renderer;
    private final DigestAssembler assembler = new DigestAssembler();
    private final Clock clock = Clock.systemUTC();

    public DigestService(TopicRepository topics, MailDates mailDates, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.topics = topics;
        this.mailDates = mailDates;
        this.renderer = new DigestRenderer(json);
    }

    public Digest digest(DigestQuery query) throws IOException {
        Set<String> known = topics.knownLists();
        for (String list : query.lists()) {
            if (!known.contains(list)) {
                throw new InvalidQueryException("unknown list '" + list + "'; known lists: " + String.join(", ", known));
            }
        }
        LocalDate previousTo = query.from().minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(query.days() - 1);
        List<DigestTopic> current = active(query.lists(), query.from(), query.to());
        List<DigestTopic> previous = active(query.lists(), previousFrom, previousTo);
        return assembler.assemble(query.lists(), query.from(), query.to(), current, previous, clock.instant());
    }

    /** The topics with mail in the period, each with what happened to it there. */
    private List<DigestTopic> active(List<String> lists, LocalDate from, LocalDate to) throws IOException {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ThreadClassified> found = topics.activeIn(lists, from, to);
        // fix-status evidence may sit in another thread (a notice, a pull request, the fixing patch): date it from lore-mails
        Set<String> own = new HashSet<>();
        Set<String> evidence = new HashSet<>();
        for (ThreadClassified t : found) {
            t.activity().forEach(m -> own.add(m.messageId()));
            if (t.fixStatus() != null) {
                evidence.addAll(t.fixStatus().evidenceMessageIds());
            }
        }
        evidence.removeAll(own);
        Map<String, Instant> evidenceDates = evidence.isEmpty() ? Map.of() : mailDates.of(evidence);
        return DigestTopics.from(found, start, end, evidenceDates).stream().filter(t -> t.activity().active()).toList();
    }

    public String render(Digest digest, DigestFormat format, DigestLanguage language) {
        return renderer.render(digest, format, language);
    }
}
