package org.loredigest.classify.domain.summary.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadSummarised;
import org.loredigest.testkit.ChatCompletionsServer;
import org.loredigest.testkit.ChatCompletionsServer.Reply;

/** The model runs beside the pipeline: the hot path never waits, a replay costs nothing, new content is asked again. */
class SummaryWorkerTest {

    private final ChatCompletionsServer server = LlmSummariserTestSupport.server();
    private final List<ThreadSummarised> published = new CopyOnWriteArrayList<>();
    private final SummaryCache cache = new SummaryCache(100);
    private SummaryWorker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        server.close();
    }

    @Test
    void theHotPathAnswersAtOnceAndTheModelsFieldsFollow() throws Exception {
        server.then(Reply.slow(Duration.ofSeconds(2), LlmThreads.answer(LlmThreads.PATCH)));
        DeferredSummariser deferred = deferred();
        ThreadView thread = LlmThreads.thread();

        long started = System.nanoTime();
        Summary now = deferred.summarise(thread, LlmThreads.labels(thread));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(now.summariser()).isEqualTo(ExtractiveSummariser.NAME);
        assertThat(now.contentHash()).hasSize(64);

        LlmSummariserTestSupport.within(Duration.ofSeconds(20), () -> published.size() == 1);
        ThreadSummarised later = published.get(0);
        assertThat(later.threadId()).isEqualTo(LlmThreads.PATCH);
        assertThat(later.contentHash()).isEqualTo(now.contentHash());
        assertThat(later.summary().summariser()).isEqualTo("llm:test-model");
        assertThat(later.summary().problem().textZh()).contains("迁移");
        assertThat(later.promptTokens()).isPositive();
    }

    @Test
    void theSameContentAgainIsNotAskedAgainButNewContentIs() throws Exception {
        server.answerWith(body -> LlmThreads.answer(LlmThreads.PATCH));
        DeferredSummariser deferred = deferred();
        ThreadView thread = LlmThreads.thread();
        deferred.summarise(thread, LlmThreads.labels(thread));
        LlmSummariserTestSupport.within(Duration.ofSeconds(20), () -> published.size() == 1);

        deferred.summarise(thread, LlmThreads.labels(thread)); // a replay of the same mail
        ThreadView shorter = new ThreadView(thread.threadId(), false, thread.nodes().subList(0, 1));
        deferred.summarise(shorter, LlmThreads.labels(shorter)); // different content under the same thread id
        LlmSummariserTestSupport.within(Duration.ofSeconds(20), () -> published.size() == 2);

        // the full thread was asked about once; the shorter one (whose answer cites the missing review and is asked
        // again) separately
        assertThat(server.requests()).filteredOn(body -> body.contains("=== Message-ID: " + LlmThreads.REVIEW)).hasSize(1);
        assertThat(server.requests()).hasSize(3);
        assertThat(published.get(1).contentHash()).isNotEqualTo(published.get(0).contentHash());
    }

    @Test
    void anAnswerCachedBeforeARestartIsRepublishedWithoutAskingTheModel() throws Exception {
        server.answerWith(body -> LlmThreads.answer(LlmThreads.PATCH));
        ThreadView thread = LlmThreads.thread();
        deferred().summarise(thread, LlmThreads.labels(thread));
        LlmSummariserTestSupport.within(Duration.ofSeconds(20), () -> published.size() == 1);
        worker.close();

        // a new worker fed from the topic's records, as SummarisedTopic.load does at start
        SummaryCache restored = new SummaryCache(100);
        published.forEach(restored::put);
        worker = new SummaryWorker(LlmSummariserTest.summariser(LlmSummariserTest.settings(server.baseUrl(), false,
                Duration.ofSeconds(10))), restored, published::add, 1, 10, Clock.systemUTC());
        new DeferredSummariser(new ExtractiveSummariser(), worker).summarise(thread, LlmThreads.labels(thread));
        LlmSummariserTestSupport.within(Duration.ofSeconds(20), () -> published.size() == 2);

        assertThat(server.requests()).hasSize(1);
    }

    private DeferredSummariser deferred() {
        worker = new SummaryWorker(LlmSummariserTest.summariser(LlmSummariserTest.settings(server.baseUrl(), false,
                Duration.ofSeconds(10))), cache, published::add, 1, 10, Clock.systemUTC());
        return new DeferredSummariser(new ExtractiveSummariser(), worker);
    }
}
