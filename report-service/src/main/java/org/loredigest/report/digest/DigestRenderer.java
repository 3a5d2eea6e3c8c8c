package org.loredigest.report.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.UserTagSectionHelper;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Digest} as Markdown, a self-contained HTML page (inline SVG charts) or JSON, in Chinese or
 * English. Everything taken from mail is untrusted: HTML output escapes it, Markdown output neutralises markup
 * characters, and the page forbids scripts by its Content-Security-Policy as a second line of defence.
 */
public final class DigestRenderer {

    static final String MARKDOWN = "text/markdown";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final ObjectMapper json;
    private final Template markdown;
    private final Template html;

    public DigestRenderer(ObjectMapper json) {
        this.json = json;
        this.markdown = engine("md", MARKDOWN);
        this.html = engine("html", Variant.TEXT_HTML);
    }

    public String render(Digest digest, DigestFormat format, DigestLanguage language) {
        return switch (format) {
            case JSON -> toJson(digest);
            case MD -> data(markdown, digest, language).render();
            case HTML -> data(html, digest, language)
                    .data("charts", Map.of(
                            "byType", new RawString(SvgCharts.bars(digest.byType())),
                            "bySeverity", new RawString(SvgCharts.bars(digest.bySeverity())),
                            "byList", new RawString(SvgCharts.bars(digest.byList())),
                            "trendByType", new RawString(SvgCharts.trend(digest.trends().byType())),
                            "trendBySeverity", new RawString(SvgCharts.trend(digest.trends().bySeverity()))))
                    .render();
        };
    }

    private static io.quarkus.qute.TemplateInstance data(Template template, Digest digest, DigestLanguage language) {
        return template.data("d", digest).data("l", language.labels()).data("lang", language.code())
                .data("generated", GENERATED.format(digest.generatedAt().atZone(ZoneOffset.UTC)));
    }

    private String toJson(Digest digest) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("digest not serialisable", e);
        }
    }

    /** One engine per format, so the tags {@code #topic} and {@code #field} resolve to that format's templates. */
    private static Template engine(String suffix, String contentType) {
        Engine engine = Engine.builder().addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addSectionHelper(new UserTagSectionHelper.Factory("topic", "topic." + suffix))
                .addSectionHelper(new UserTagSectionHelper.Factory("field", "field." + suffix))
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addResultMapper(new MarkdownEscaper())
                .build();
        Variant variant = Variant.forContentType(contentType);
        for (String name : List.of("field", "topic")) {
            engine.putTemplate(name + "." + suffix, engine.parse(resource(name + "." + suffix), variant, name + "." + suffix));
        }
        return engine.parse(resource("digest." + suffix), variant, "digest." + suffix);
    }

    private static String resource(String name) {
        try (InputStream in = DigestRenderer.class.getResourceAsStream("/digest/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template /digest/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Neutralises Markdown and inline HTML in values written into Markdown templates. */
    static final class MarkdownEscaper implements ResultMapper {

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return !(result instanceof RawString) && origin.getVariant()
                    .map(v -> v.getContentType() != null && v.getContentType().startsWith(MARKDOWN)).orElse(false);
        }

        @Override
        public String map(Object result, Expression expression) {
            return escape(result.toString());
        }

        static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (char ch : text.toCharArray()) {
                switch (ch) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '\\', '`', '*', '_', '[', ']', '|', '#', '!' -> out.append('\\').append(ch);
                    case '\r' -> { }
                    default -> out.append(ch);
                }
            }
            return out.toString();
        }
    }
}
