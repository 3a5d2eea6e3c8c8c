package org.loredigest.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.loredigest.report.digest.Digest;
import org.loredigest.report.digest.DigestAssembler;
import org.loredigest.report.digest.DigestFormat;
import org.loredigest.report.digest.DigestLanguage;
import org.loredigest.report.digest.DigestRenderer;
import org.loredigest.report.digest.DigestTopic;
import org.loredigest.report.digest.DigestTopics;
import org.loredigest.report.domain.DigestQuery;
import org.loredigest.report.domain.InvalidQueryException;
import org.loredigest.report.elasticsearch.TopicRepository;

/** Assembles a digest from the topic read model: the period asked for and the one before it, for the trends. */
@ApplicationScoped
public class DigestService {

    private final TopicRepository topics;
    private final DigestRenderer renderer;
    private final DigestAssembler assembler = new DigestAssembler();
    private final Clock clock = Clock.systemUTC();

    public DigestService(TopicRepository topics, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.topics = topics;
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
        List<DigestTopic> current = topics.startedIn(query.lists(), query.from(), query.to()).stream().map(DigestTopics::from).toList();
        List<DigestTopic> previous = topics.startedIn(query.lists(), previousFrom, previousTo).stream().map(DigestTopics::from).toList();
        return assembler.assemble(query.lists(), query.from(), query.to(), current, previous, clock.instant());
    }

    public String render(Digest digest, DigestFormat format, DigestLanguage language) {
        return renderer.render(digest, format, language);
    }
}
