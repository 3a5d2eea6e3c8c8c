package org.loredigest.classify.domain.summary.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.testkit.ChatCompletionsServer;
import org.loredigest.testkit.ChatCompletionsServer.Reply;

/** The model path end to end: the real client and summariser against an OpenAI-compatible server on loopback. */
class LlmSummariserTest {

    private final ChatCompletionsServer server = newServer();
    private ThreadView thread;

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void aGroundedAnswerFillsTheFieldsInBothLanguages(boolean stream) throws Exception {
        server.answerWith(body -> LlmThreads.answer(LlmThreads.PATCH));
        Summary s = summariser(settings(server.baseUrl(), stream, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(s.summariser()).isEqualTo("llm:test-model");
        assertThat(s.problem().textZh()).isEqualTo("任务在计费过程中迁移时，计费留在旧 cgroup。");
        assertThat(s.problem().text()).startsWith("A charge in flight");
        assertThat(s.problem().messageIds()).containsExactly(LlmThreads.PATCH);
        assertThat(s.caveats().sourceMessageId()).isEqualTo(LlmThreads.REVIEW);
        assertThat(s.contentHash()).hasSize(64);
        // the model left it empty, the diffstat has it: the extractive text stays
        assertThat(s.implementation().source()).isEqualTo("diffstat");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0)).contains("\"model\":\"test-model\"").contains("Message-ID: " + LlmThreads.REVIEW)
                .doesNotContain("diff --git");
    }

    @Test
    void anInventedMessageIdIsAskedAgainThenFallsBackForThatField() throws Exception {
        server.answerWith(body -> LlmThreads.answer("invented@nowhere"));
        Summary s = summariser(settings(server.baseUrl(), false, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1)).contains("invented@nowhere").contains("is not a message of this thread");
        assertThat(s.problem().source()).isNotEqualTo("llm");
        assertThat(s.solution().source()).isEqualTo("llm");
    }

    @Test
    void malformedJsonIsRetriedOnceAndTheSecondAnswerCounts() throws Exception {
        server.then(Reply.content("{\"headline\": {\"zh\": \"oops"));
        server.answerWith(body -> LlmThreads.answer(LlmThreads.PATCH));
        Summary s = summariser(settings(server.baseUrl(), false, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1)).contains("not valid JSON");
        assertThat(s.problem().source()).isEqualTo("llm");
    }

    @Test
    void twoMalformedAnswersLeaveTheExtractiveSummary() throws Exception {
        server.answerWith(body -> "not json at all");
        Summary s = summariser(settings(server.baseUrl(), true, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(server.requests()).hasSize(2);
        assertThat(s.summariser()).isEqualTo(ExtractiveSummariser.NAME);
    }

    @Test
    void aClaimThatTheFixWasMergedIsRejectedBecauseTheLabelsDecideThat() throws Exception {
        String merged = LlmThreads.answer(LlmThreads.PATCH).replace("Charge the task's current memcg under the move lock.",
                "The fix was merged into 6.9.");
        server.answerWith(body -> merged);
        Summary s = summariser(settings(server.baseUrl(), false, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(server.requests().get(1)).contains("solution: says the change was merged or applied");
        assertThat(s.solution().source()).isNotEqualTo("llm");
    }

    @Test
    void whenTheRetryGetsNoAnswerTheFirstAnswersCheckedFieldsStillCount() throws Exception {
        server.then(Reply.content(LlmThreads.answer("invented@nowhere")))
                .then(Reply.serverError()).then(Reply.serverError()).then(Reply.serverError());
        Summary s = summariser(settings(server.baseUrl(), false, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(server.requests()).hasSize(4);
        assertThat(s.summariser()).isEqualTo("llm:test-model");
        assertThat(s.solution().source()).isEqualTo("llm");
        assertThat(s.problem().source()).isNotEqualTo("llm");
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedWithBackoff() throws Exception {
        server.then(Reply.tooManyRequests(1)).then(Reply.serverError());
        server.answerWith(body -> LlmThreads.answer(LlmThreads.PATCH));
        long started = System.nanoTime();
        Summary s = summariser(settings(server.baseUrl(), false, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.requests()).hasSize(3);
        assertThat(s.summariser()).isEqualTo("llm:test-model");
    }

    @Test
    void aProviderThatKeepsFailingLeavesTheExtractiveSummary() throws Exception {
        server.then(Reply.serverError()).then(Reply.serverError()).then(Reply.serverError());
        Summary s = summariser(settings(server.baseUrl(), false, Duration.ofSeconds(10))).summarise(thread(), labels());

        assertThat(server.requests()).hasSize(3);
        assertThat(s.summariser()).isEqualTo(ExtractiveSummariser.NAME);
    }

    @Test
    void aSlowProviderTimesOutAndIsRetried() throws Exception {
        server.then(Reply.slow(Duration.ofSeconds(3), LlmThreads.answer(LlmThreads.PATCH)));
        server.answerWith(body -> LlmThreads.answer(LlmThreads.PATCH));
        Summary s = summariser(settings(server.baseUrl(), false, Duration.ofMillis(700))).summarise(thread(), labels());

        assertThat(server.requests()).hasSize(2);
        assertThat(s.summariser()).isEqualTo("llm:test-model");
    }

    @Test
    void aSpentBudgetAsksNothing() throws Exception {
        LlmSettings settings = new LlmSettings(server.baseUrl(), "", "test-model", 0.1, Duration.ofSeconds(5), 800, 1, 100,
                false, 3, Duration.ofMillis(10));
        TokenBudget budget = new TokenBudget(100, Clock.systemUTC());
        budget.spend(150);
        var llm = new LlmSummariser(new ChatClient(settings, EventJson.mapper(), budget), new ExtractiveSummariser(),
                EventJson.mapper());
        Summary s = llm.summarise(thread(), labels());

        assertThat(server.requests()).isEmpty();
        assertThat(s.summariser()).isEqualTo(ExtractiveSummariser.NAME);
    }

    static LlmSettings settings(URI base, boolean stream, Duration timeout) {
        return new LlmSettings(base, "secret", "test-model", 0.1, timeout, 800, 2, 0, stream, 3, Duration.ofMillis(10));
    }

    static LlmSummariser summariser(LlmSettings settings) {
        return new LlmSummariser(new ChatClient(settings, EventJson.mapper(), new TokenBudget(0, Clock.systemUTC())),
                new ExtractiveSummariser(), EventJson.mapper());
    }

    private ThreadView thread() throws Exception {
        if (thread == null) {
            thread = LlmThreads.thread();
        }
        return thread;
    }

    private org.loredigest.classify.domain.classify.Classification labels() throws Exception {
        return LlmThreads.labels(thread());
    }

    private static ChatCompletionsServer newServer() {
        try {
            return new ChatCompletionsServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
