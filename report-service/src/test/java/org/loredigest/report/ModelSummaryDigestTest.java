package org.loredigest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.report.digest.Digest;
import org.loredigest.report.digest.DigestAssembler;
import org.loredigest.report.digest.DigestFormat;
import org.loredigest.report.digest.DigestLanguage;
import org.loredigest.report.digest.DigestRenderer;
import org.loredigest.report.digest.DigestTopics;

/** A topic summarised by a model reads in Chinese in a Chinese digest, cites every message, and says who wrote it. */
class ModelSummaryDigestTest {

    private final DigestRenderer renderer = new DigestRenderer(EventJson.mapper());

    @Test
    void theChineseDigestShowsTheModelsChineseProseWithItsSources() {
        String md = renderer.render(digest(true), DigestFormat.MD, DigestLanguage.ZH);

        assertThat(md).contains(ModelSummaries.PROBLEM_ZH)
                .contains("https://lore.kernel.org/cgroups/t@x/").contains("https://lore.kernel.org/cgroups/review-t@x/")
                .contains("模型归纳").contains("llm:deepseek-chat").contains("补丁").doesNotContain(ModelSummaries.PROBLEM_EN);
    }

    @Test
    void theEnglishDigestShowsTheEnglishProse() {
        String html = renderer.render(digest(true), DigestFormat.HTML, DigestLanguage.EN);
        assertThat(html).contains(ModelSummaries.PROBLEM_EN).contains("summarised by a language model")
                .doesNotContain(ModelSummaries.PROBLEM_ZH);
    }

    @Test
    void withoutAModelTheChineseDigestMarksQuotedMailAndSaysWhatIsMissingInChinese() {
        String md = renderer.render(digest(false), DigestFormat.MD, DigestLanguage.ZH);
        assertThat(md).contains("邮件原文摘录").contains("原文：").contains("（邮件中未找到依据）");
    }

    private static Digest digest(boolean withModel) {
        var topic = ModelSummaries.extractiveTopic("t@x", "a".repeat(64));
        if (withModel) {
            topic = org.loredigest.report.elasticsearch.SummaryOverlayAccess.overlay(topic,
                    ModelSummaries.answer("t@x", "a".repeat(64)));
        }
        return new DigestAssembler().assemble(List.of("cgroups"), LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-10"),
                List.of(DigestTopics.from(topic)), List.of(), java.time.Instant.parse("2024-03-11T00:00:00Z"));
    }
}
