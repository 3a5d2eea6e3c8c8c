package org.loredigest.classify.domain.summary.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.summary.EvidencePack;
import org.loredigest.classify.domain.summary.Summariser;
import org.loredigest.classify.domain.summary.SummaryFields;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadClassified.SummaryField;

/**
 * Digest fields written by a language model from the thread's essential text, each checked by {@link AnswerCheck}.
 * A rejected answer is asked again once with the reasons; a field still rejected, and every field when the provider
 * gives no answer, keeps the extractive text. Labels never come from the model.
 */
public final class LlmSummariser implements Summariser {

    private static final Logger LOG = Logger.getLogger(LlmSummariser.class);

    /**
     * @param summary          the fields, extractive where the model's were rejected
     * @param fallbackFields   fields that kept the extractive text
     * @param promptTokens     tokens of every prompt sent
     * @param completionTokens tokens of every answer
     */
    public record Refined(Summary summary, List<String> fallbackFields, long promptTokens, long completionTokens) {
    }

    private final ChatClient client;
    private final Summariser fallback;
    private final AnswerCheck check;

    public LlmSummariser(ChatClient client, Summariser fallback, ObjectMapper json) {
        this.client = client;
        this.fallback = fallback;
        this.check = new AnswerCheck(json);
    }

    /** {@code llm:<model>}: the name the digest shows for topics this summariser wrote. */
    @Override
    public String name() {
        return "llm:" + client.settings().model();
    }

    public String model() {
        return client.settings().model();
    }

    /** Synchronous use (tools, tests): the extractive summary refined in place, or kept when the provider fails. */
    @Override
    public Summary summarise(ThreadView thread, Classification labels) {
        Summary extractive = fallback.summarise(thread, labels);
        try {
            return refine(EvidencePack.of(thread), labels, extractive).summary();
        } catch (LlmUnavailableException e) {
            LOG.warnf("thread %s keeps its extractive summary: %s", thread.threadId(), e.getMessage());
            return extractive;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return extractive;
        }
    }

    public Refined refine(EvidencePack pack, Classification labels, Summary extractive)
            throws LlmUnavailableException, InterruptedException {
        ChatAnswer first = client.complete(Prompt.SYSTEM, Prompt.user(pack, labels));
        AnswerCheck.Result result = check.check(first.content(), pack.messageIds(), labels);
        long in = first.promptTokens();
        long out = first.completionTokens();
        Map<String, SummaryField> accepted = new HashMap<>(result.accepted());
        if (!result.complete()) {
            LOG.debugf("thread %s: first answer rejected: %s", pack.threadId(), result.problems());
            try {
                ChatAnswer second = client.complete(Prompt.SYSTEM, Prompt.retry(pack, labels, result.problems()));
                in += second.promptTokens();
                out += second.completionTokens();
                // the second answer wins where it passed; fields only the first answer got right are kept
                accepted.putAll(check.check(second.content(), pack.messageIds(), labels).accepted());
            } catch (LlmUnavailableException e) {
                // the first answer's checked fields still count; the rest fall back below
                LOG.debugf("thread %s: no second answer (%s)", pack.threadId(), e.getMessage());
            }
        }
        Map<String, SummaryField> extracted = SummaryFields.of(extractive);
        List<String> fallbackFields = new ArrayList<>();
        for (String name : SummaryFields.NAMES) {
            SummaryField field = accepted.get(name);
            if (field == null || field.empty() && !extracted.get(name).empty()) {
                fallbackFields.add(name);
            }
        }
        String summariser = fallbackFields.size() == SummaryFields.NAMES.size() ? extractive.summariser() : name();
        Summary summary = SummaryFields.build(summariser,
                name -> fallbackFields.contains(name) ? extracted.get(name) : accepted.get(name), pack.contentHash());
        return new Refined(summary, List.copyOf(fallbackFields), in, out);
    }
}
