package org.loredigest.report.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;

/**
 * Loads an HTML page in headless Chromium (Debian package {@code chromium}) and returns the DOM as it stands after
 * the page's scripts ran, so a test sees what a reader's browser would do with mail text, not just what the
 * renderer wrote.
 */
public final class HeadlessChromium {

    /** What a payload does when it runs; tests look for these marks in the DOM. */
    public static final String PWNED = "PWNED";
    public static final String PWNED_ATTRIBUTE = "data-pwned";

    private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser on PATH (or {@code $LORE_CHROMIUM}); the calling test is skipped, saying why, when there is none. */
    public static HeadlessChromium require() {
        Optional<Path> found = find();
        Assumptions.assumeTrue(found.isPresent(), "no Chromium found (looked for $LORE_CHROMIUM and " + CANDIDATES
                + " on PATH): install the Debian package 'chromium' to run the browser checks");
        return new HeadlessChromium(found.get());
    }

    static Optional<Path> find() {
        String configured = System.getenv("LORE_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : CANDIDATES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Opens {@code page} and returns the DOM after its scripts (and their load and error handlers) ran. */
    public Document load(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("lore-chromium-");
        try {
            // --no-sandbox: Chromium's sandbox refuses to start as root, which tests and CI run as here
            Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=2000", "--dump-dom",
                    page.toAbsolutePath().toUri().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] dom = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
            assertThat(process.exitValue()).as("chromium exit code for %s", page).isZero();
            String html = new String(dom, StandardCharsets.UTF_8);
            assertThat(html).as("DOM of %s", page).contains("<html");
            return Jsoup.parse(html);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Asserts that nothing from the mail ran or became active markup: no payload's mark, no script element, no event
     * handler attribute, no {@code javascript:} link, no frame or plugin element.
     */
    public static void assertNothingRan(Document dom, String what) {
        assertThat(dom.title()).as("%s: title", what).doesNotContain(PWNED);
        assertThat(dom.select("[" + PWNED_ATTRIBUTE + "]")).as("%s: elements a payload marked", what).isEmpty();
        assertThat(dom.select("script")).as("%s: script elements", what).isEmpty();
        assertThat(dom.select("iframe, frame, object, embed, base, form, meta[http-equiv=refresh]"))
                .as("%s: active elements", what).isEmpty();
        for (Element element : dom.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                assertThat(name).as("%s: attribute of <%s>", what, element.tagName()).doesNotStartWith("on");
                if (List.of("href", "src", "action", "formaction", "xlink:href", "srcdoc").contains(name)) {
                    assertThat(value).as("%s: %s of <%s>", what, name, element.tagName())
                            .doesNotStartWith("javascript:").doesNotStartWith("data:text/html").doesNotStartWith("vbscript:");
                }
            }
        }
    }
}
