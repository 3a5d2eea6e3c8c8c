package org.loredigest.report.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.loredigest.events.EventJson;
import org.loredigest.report.digest.DigestTopic.Evidence;
import org.loredigest.report.digest.DigestTopic.Summary;
import org.loredigest.report.testing.HeadlessChromium;

/**
 * The HTML digest opened in headless Chromium: mail whose subject, author, labels, Message-IDs and summary text carry
 * script payloads must show them as text and run none of them — with the page's Content-Security-Policy, and without
 * it, so escaping is shown to hold on its own.
 */
class HtmlInBrowserTest {

    static final Path OUT = Path.of("target", "browser-checks");
    static final String MARK = "document.body.setAttribute('" + HeadlessChromium.PWNED_ATTRIBUTE + "','1')";
    static final List<String> PAYLOADS = List.of(
            "<script>document.title='" + HeadlessChromium.PWNED + "'</script>",
            "<img src=x onerror=\"" + MARK + "\">",
            "\"><svg onload=\"" + MARK + "\">",
            "'><iframe srcdoc=\"<script>parent.document.title='PWNED'</script>\"></iframe>",
            "[x](javascript:document.title='PWNED')",
            "<a href=\"javascript:document.title='PWNED'\">click</a>",
            "</dd></dl></section><script>document.title='PWNED'</script>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:document.title='PWNED'\">",
            "Link: javascript:document.title='PWNED'",
            "<details open ontoggle=\"" + MARK + "\">x</details>");

    static HeadlessChromium chromium;

    @BeforeAll
    static void browser() throws Exception {
        chromium = HeadlessChromium.require();
        Files.createDirectories(OUT);
    }

    /** The check itself must see a payload that runs; otherwise every other test here would pass for nothing. */
    @Test
    void theBrowserCheckNoticesAPayloadThatRuns() throws Exception {
        Path page = OUT.resolve("canary.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>ok</title></head><body>" + PAYLOADS.get(0)
                + PAYLOADS.get(1) + "</body></html>");
        Document dom = chromium.load(page);
        assertThat(dom.title()).isEqualTo(HeadlessChromium.PWNED);
        assertThat(dom.body().attr(HeadlessChromium.PWNED_ATTRIBUTE)).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(DigestLanguage.class)
    void hostileMailRunsNothingInTheHtmlDigest(DigestLanguage language) throws Exception {
        check(render(hostileDigest(), language), "digest." + language.code());
    }

    /** A weekly digest is stored as JSON in Elasticsearch and rendered from there: the same text after a round trip. */
    @Test
    void norInAStoredWeeklyDigest() throws Exception {
        Digest stored = EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(hostileDigest()), Digest.class);
        check(render(stored, DigestLanguage.ZH), "weekly.zh");
    }

    private static void check(String html, String name) throws Exception {
        assertThat(html).contains("Content-Security-Policy");
        String withoutPolicy = html.replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        assertThat(withoutPolicy).doesNotContain("Content-Security-Policy");
        for (var page : List.of(new String[] {name, html}, new String[] {name + ".no-csp", withoutPolicy})) {
            Path file = OUT.resolve(page[0] + ".html");
            Files.writeString(file, page[1]);
            Document dom = chromium.load(file);
            HeadlessChromium.assertNothingRan(dom, page[0]);
            // shown as text, not dropped
            assertThat(dom.text()).as(page[0]).contains(PAYLOADS.get(0), "[x](javascript:document.title='PWNED')",
                    "Mallory \"><img src=x onerror=");
            assertThat(dom.select("a[href]")).as(page[0]).allSatisfy(a ->
                    assertThat(a.attr("href")).startsWith(LoreLinks.BASE));
        }
    }

    private static String render(Digest digest, DigestLanguage language) {
        return new DigestRenderer(EventJson.mapper()).render(digest, DigestFormat.HTML, language);
    }

    static Digest hostileDigest() {
        Instant t = Instant.parse("2024-03-05T10:00:00Z");
        List<DigestTopic> week = new java.util.ArrayList<>(DigestFixtures.week());
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = PAYLOADS.get(i);
            Evidence ev = Evidence.of("evidence " + p, "linux-mm", "javascript:document.title='PWNED'" + i + "@x");
            Summary summary = new Summary(ev, ev, ev, ev, ev, ev, ev, ev, ev, ev, ev);
            week.add(new DigestTopic("<javascript:alert(" + i + ")>@x", "linux-mm", "mm: " + p, i % 2 == 0 ? "bug" : p,
                    i % 2 == 0 ? "critical" : "x\" onmouseover=\"" + MARK + "\" y=\"", true, "merged",
                    "javascript:document.title='PWNED'//" + i, List.of("SUBSYSTEM " + p),
                    "Mallory \"><img src=x onerror=\"" + MARK + "\"> <mallory" + i + "@example.org>",
                    "mallory" + i + "\"><script>document.title='PWNED'</script>@example.org", t, t.plusSeconds(60), 3, 2,
                    "series-" + i, 2, List.of("prev-" + i), summary));
        }
        return new DigestAssembler().assemble(List.of("linux-mm", "cgroups"), LocalDate.parse("2024-03-04"),
                LocalDate.parse("2024-03-10"), week, DigestFixtures.weekBefore(), Instant.parse("2024-03-11T06:00:00Z"));
    }
}
