package org.loredigest.report;

import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** Reads of one digest run side by side; virtual threads, since they only wait for Elasticsearch. */
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();

    /** Topic fields no digest shows: never read. */
    static final List<String> CURRENT = List.of("changes", "botActivity", "listIds");
    /** The period before only feeds the trends: its summaries and links are not read either. */
    static final List<String> PREVIOUS = List.of("changes", "botActivity", "listIds", "summary", "related", "subsystems.signals",
            "type.signals", "severity.signals", "security.signals");

    public DigestService(TopicRepository topics, MailDates mailDates, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.topics = topics;
        this.mailDates = mailDates;
        this.renderer = new DigestRenderer(json);
    }

    public Digest digest(DigestQuery query) throws IOException {
        LocalDate previousTo = query.from().minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(query.days() - 1);
        // the three reads are independent: the list check, the period and the period before it go out together
        Future<Set<String>> known = reads.submit(topics::knownLists);
        Future<List<DigestTopic>> current = reads.submit(() -> active(query.lists(), query.from(), query.to(), CURRENT));
        Future<List<DigestTopic>> previous = reads.submit(() -> active(query.lists(), previousFrom, previousTo, PREVIOUS));
        try {
            Set<String> lists = result(known);
            for (String list : query.lists()) {
                if (!lists.contains(list)) {
                    throw new InvalidQueryException("unknown list '" + list + "'; known lists: " + String.join(", ", lists));
                }
            }
            return assembler.assemble(query.lists(), query.from(), query.to(), result(current), result(previous),
                    clock.instant());
        } finally {
            current.cancel(true);
            previous.cancel(true);
        }
    }

    private static <T> T result(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the read model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The topics with mail in the period, each with what happened to it there. */
    private List<DigestTopic> active(List<String> lists, LocalDate from, LocalDate to, List<String> unread) throws IOException {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ThreadClassified> found = topics.activeIn(lists, from, to, unread);
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

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    public String render(Digest digest, DigestFormat format, DigestLanguage language) {
        return renderer.render(digest, format, language);
    }
}
