package org.loredigest.report.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.loredigest.events.EventJson;

class DigestRendererTest {

    final Digest digest = new DigestAssembler().assemble(List.of("linux-mm", "cgroups"), LocalDate.parse("2024-03-04"),
            LocalDate.parse("2024-03-10"), DigestFixtures.week(), DigestFixtures.weekBefore(),
            Instant.parse("2024-03-11T06:00:00Z"));
    final DigestRenderer renderer = new DigestRenderer(EventJson.mapper());

    @Test
    void chineseMarkdownHasEverySectionOfTheReference() {
        String md = renderer.render(digest, DigestFormat.MD, DigestLanguage.ZH);
        assertThat(md).contains("# Linux 内核周刊", "## 📊 本周概览", "### 问题类型分布", "### 严重程度分布",
                "### 邮件列表分布", "## 📬 按邮件列表分组", "### linux-mm (4 个主题)", "## 🔥 重点问题深度分析",
                "## 🔧 修复方案详解", "## 📁 分类统计", "## 📈 趋势分析", "**🔍 问题根源**", "**技术背景**", "**触发条件**",
                "**💡 解决方案**", "**实现方式**", "**⚠️ 注意事项**", "**影响评估**", "**技术要点**", "查看完整讨论",
                "（邮件中未找到依据）", "https://lore.kernel.org/linux-mm/b@x/");
    }

    @Test
    void englishMarkdownToo() {
        String md = renderer.render(digest, DigestFormat.MD, DigestLanguage.EN);
        assertThat(md).contains("# Linux Kernel Weekly", "## 📊 Overview", "## 🔥 Top topics in depth",
                "## 🔧 Most important fixes", "## 📁 By subsystem", "## 📈 Trends", "(no evidence in the mail)");
    }

    @ParameterizedTest
    @EnumSource(DigestLanguage.class)
    void hostileMailTextIsEscapedInHtml(DigestLanguage language) {
        String html = renderer.render(digest, DigestFormat.HTML, language);
        assertThat(html).doesNotContain("<script>alert", "<img src=x onerror").contains("&lt;script&gt;alert(",
                "&lt;img src=x onerror=alert(1)&gt;", "<svg", "Content-Security-Policy");
    }

    @Test
    void hostileMailTextIsNeutralisedInMarkdown() {
        String md = renderer.render(digest, DigestFormat.MD, DigestLanguage.EN);
        assertThat(md).doesNotContain("<script>", "<img", "[link](javascript").contains("&lt;script&gt;", "\\[link\\]");
    }

    /** Leaves every rendering under target/digest-samples for a look in a browser. */
    @Test
    void writesSamples() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "digest-samples"));
        for (DigestLanguage language : DigestLanguage.values()) {
            for (DigestFormat format : DigestFormat.values()) {
                String name = "sample." + language.code() + "." + format.name().toLowerCase(java.util.Locale.ROOT);
                java.nio.file.Files.writeString(dir.resolve(name), renderer.render(digest, format, language));
            }
        }
        assertThat(dir.resolve("sample.zh.html")).exists();
    }

    @Test
    void jsonCarriesTheWholeDigestAndMatchesItsPublishedSchema() throws Exception {
        var tree = EventJson.mapper().readTree(renderer.render(digest, DigestFormat.JSON, DigestLanguage.EN));
        var schemaFile = java.nio.file.Path.of(System.getProperty("lore.docs.dir", "../docs"), "digest", "digest.v1.schema.json");
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(EventJson.mapper().readTree(schemaFile.toFile()),
                        com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        assertThat(schema.validate(tree)).isEmpty();
        assertThat(tree.get("overview").get("topics").asInt()).isEqualTo(5);
        assertThat(tree.get("trends").get("byType")).isNotEmpty();
        assertThat(tree.get("top").get(0).get("title").asText()).isEqualTo(DigestFixtures.HOSTILE_TITLE);
        assertThat(tree.get("top").get(0).get("loreUrl").asText()).startsWith("https://lore.kernel.org/");
    }
}
