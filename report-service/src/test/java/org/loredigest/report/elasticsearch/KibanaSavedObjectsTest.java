package org.loredigest.report.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;

/**
 * The Kibana saved objects in {@code deploy/kibana/saved-objects.ndjson} against the index templates this service
 * installs: every field a data view or visualization uses exists in the mapping of its alias with a type the
 * aggregation can use, every reference resolves, and the dashboard panels fit Kibana's 48-column grid.
 */
class KibanaSavedObjectsTest {

    static final Path NDJSON = Path.of(System.getProperty("lore.kibana.dir", "../deploy/kibana"), "saved-objects.ndjson");
    static final Set<String> AGGREGATABLE = Set.of("keyword", "integer", "long", "date", "boolean");
    static final Map<String, Set<String>> FIELD_TYPES = Map.of(
            "terms", AGGREGATABLE, "cardinality", AGGREGATABLE, "date_histogram", Set.of("date"),
            "min", Set.of("integer", "long", "date"), "max", Set.of("integer", "long", "date"),
            "sum", Set.of("integer", "long"), "avg", Set.of("integer", "long"));
    /** {@code field :} or {@code field >=} in a KQL query, after quoted values are blanked. */
    static final Pattern KQL_FIELD = Pattern.compile("(?<![\\w.\"])([A-Za-z_][\\w.]*)\\s*(?::|>=|<=|>|<)");

    /** Attribute keys Kibana's saved-object schemas (8.8 and later) accept; they refuse unknown keys on import. */
    static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "visualization", Set.of("title", "description", "version", "kibanaSavedObjectMeta", "uiStateJSON", "visState",
                    "savedSearchRefName"),
            "dashboard", Set.of("title", "description", "kibanaSavedObjectMeta", "timeRestore", "timeFrom", "timeTo",
                    "refreshInterval", "controlGroupInput", "panelsJSON", "optionsJSON", "hits", "version"),
            "index-pattern", Set.of("title", "name", "timeFieldName", "allowNoIndex", "fields", "fieldAttrs",
                    "fieldFormatMap", "runtimeFieldMap", "sourceFilters", "typeMeta", "type", "intervalName", "allowHidden"));
    /** Migration versions newer than the Kibana of deploy/docker-compose.yml would be refused. */
    static final Pattern NOT_NEWER_THAN_9_2 = Pattern.compile("[1-8]\\.\\d+\\.\\d+|9\\.[0-2]\\.\\d+");

    /** One field of a flattened mapping (sub-fields appear as {@code name.keyword}). */
    record Field(String type, boolean nested, boolean indexed) {
    }

    final Map<String, Map<String, Field>> mappings = Map.of(
            IndexSpec.MAILS.alias(), mapping(IndexSpec.MAILS), IndexSpec.TOPICS.alias(), mapping(IndexSpec.TOPICS));
    final List<JsonNode> objects = read();
    final Map<String, JsonNode> byTypeAndId = new HashMap<>();
    final List<String> problems = new ArrayList<>();

    @Test
    void everyFieldTheDashboardUsesExistsInTheIndexTemplates() throws Exception {
        objects.forEach(o -> assertThat(byTypeAndId.put(o.path("type").asText() + "/" + o.path("id").asText(), o))
                .as("duplicate %s", o.path("id")).isNull());
        Map<String, String> aliasOfDataView = new HashMap<>();
        for (JsonNode o : objects) {
            String where = o.path("type").asText() + " " + o.path("id").asText();
            Set<String> keys = new HashSet<>();
            o.path("attributes").fieldNames().forEachRemaining(keys::add);
            assertThat(ATTRIBUTES.get(o.path("type").asText())).as(where + " attributes").containsAll(keys);
            assertThat(o.path("typeMigrationVersion").asText()).as(where).matches(NOT_NEWER_THAN_9_2);
            assertThat(o.path("coreMigrationVersion").asText()).as(where).matches(NOT_NEWER_THAN_9_2);
            for (JsonNode ref : o.path("references")) {
                if (!byTypeAndId.containsKey(ref.path("type").asText() + "/" + ref.path("id").asText())) {
                    problems.add(where + ": reference " + ref.path("name").asText() + " points at nothing in the file");
                }
            }
            if (o.path("type").asText().equals("index-pattern")) {
                String alias = o.path("attributes").path("title").asText();
                aliasOfDataView.put(o.path("id").asText(), alias);
                check(where + " timeFieldName", alias, o.path("attributes").path("timeFieldName").asText(), "date_histogram");
            }
        }
        assertThat(aliasOfDataView.values()).containsExactlyInAnyOrder(IndexSpec.MAILS.alias(), IndexSpec.TOPICS.alias());
        int visualizations = 0;
        for (JsonNode o : objects) {
            if (o.path("type").asText().equals("visualization")) {
                visualizations++;
                checkVisualization(o, aliasOfDataView);
            } else if (o.path("type").asText().equals("dashboard")) {
                checkDashboard(o);
            }
        }
        assertThat(visualizations).isGreaterThanOrEqualTo(10);
        assertThat(problems).isEmpty();
    }

    private void checkVisualization(JsonNode vis, Map<String, String> aliasOfDataView) throws Exception {
        String where = "visualization " + vis.path("id").asText();
        JsonNode source = json(vis.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON"));
        String refName = source.path("indexRefName").asText();
        String alias = null;
        for (JsonNode ref : vis.path("references")) {
            if (ref.path("name").asText().equals(refName)) {
                alias = aliasOfDataView.get(ref.path("id").asText());
            }
        }
        if (alias == null) {
            problems.add(where + ": no data view behind indexRefName " + refName);
            return;
        }
        String index = alias;
        kqlFields(source.path("query").path("query").asText()).forEach(f -> check(where + " query", index, f, null));
        JsonNode state = json(vis.path("attributes").path("visState"));
        assertThat(state.path("title").asText()).as(where).isEqualTo(vis.path("attributes").path("title").asText());
        for (JsonNode agg : state.path("aggs")) {
            String type = agg.path("type").asText();
            String aggWhere = where + " agg " + agg.path("id").asText() + " (" + type + ")";
            if (type.equals("filters")) {
                for (JsonNode filter : agg.path("params").path("filters")) {
                    kqlFields(filter.path("input").path("query").asText()).forEach(f -> check(aggWhere, index, f, null));
                }
            } else if (!type.equals("count")) {
                check(aggWhere, index, agg.path("params").path("field").asText(), type);
            }
        }
    }

    private void checkDashboard(JsonNode dashboard) throws Exception {
        String where = "dashboard " + dashboard.path("id").asText();
        Set<String> refNames = new HashSet<>();
        dashboard.path("references").forEach(r -> refNames.add(r.path("name").asText()));
        Set<Long> cells = new HashSet<>();
        for (JsonNode panel : json(dashboard.path("attributes").path("panelsJSON"))) {
            String index = panel.path("panelIndex").asText();
            if (!refNames.contains(index + ":" + panel.path("panelRefName").asText())) {
                problems.add(where + ": panel " + index + " has no reference");
            }
            JsonNode grid = panel.path("gridData");
            int x = grid.path("x").asInt();
            int y = grid.path("y").asInt();
            int w = grid.path("w").asInt();
            int h = grid.path("h").asInt();
            if (x < 0 || w < 1 || h < 1 || x + w > 48) {
                problems.add(where + ": panel " + index + " is outside the 48-column grid");
            }
            for (int cx = x; cx < x + w; cx++) {
                for (int cy = y; cy < y + h; cy++) {
                    if (!cells.add(((long) cy << 8) | cx)) {
                        problems.add(where + ": panel " + index + " overlaps another at " + cx + "," + cy);
                        cy = y + h;
                        cx = x + w;
                    }
                }
            }
        }
    }

    private void check(String where, String alias, String field, String aggregation) {
        Field f = mappings.get(alias).get(field);
        if (f == null) {
            problems.add(where + ": field '" + field + "' is not in the " + alias + " mapping");
        } else if (f.nested()) {
            problems.add(where + ": field '" + field + "' is inside a nested object, which aggregation panels cannot use");
        } else if (!f.indexed()) {
            problems.add(where + ": field '" + field + "' is not indexed");
        } else if (aggregation != null && !FIELD_TYPES.getOrDefault(aggregation, Set.of()).contains(f.type())) {
            problems.add(where + ": " + aggregation + " cannot use '" + field + "' of type " + f.type());
        }
    }

    static List<String> kqlFields(String query) {
        Matcher m = KQL_FIELD.matcher(query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
        List<String> fields = new ArrayList<>();
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    static Map<String, Field> mapping(IndexSpec spec) {
        try (InputStream in = IndexSpec.class.getResourceAsStream(spec.templateResource())) {
            Map<String, Field> fields = new HashMap<>();
            flatten(EventJson.mapper().readTree(in).path("template").path("mappings").path("properties"), "", false, fields);
            return fields;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void flatten(JsonNode properties, String prefix, boolean nested, Map<String, Field> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = prefix + e.getKey();
            JsonNode spec = e.getValue();
            String type = spec.path("type").asText("object");
            if (spec.has("properties")) {
                flatten(spec.path("properties"), path + ".", nested || type.equals("nested"), out);
                continue;
            }
            out.put(path, new Field(type, nested, spec.path("index").asBoolean(true)));
            spec.path("fields").fields().forEachRemaining(sub -> out.put(path + "." + sub.getKey(),
                    new Field(sub.getValue().path("type").asText(), nested, true)));
        }
    }

    private static List<JsonNode> read() {
        try {
            List<JsonNode> objects = new ArrayList<>();
            for (String line : Files.readAllLines(NDJSON)) {
                if (!line.isBlank()) {
                    objects.add(EventJson.mapper().readTree(line));
                }
            }
            return objects;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + NDJSON.toAbsolutePath(), e);
        }
    }

    private static JsonNode json(JsonNode embedded) throws Exception {
        return EventJson.mapper().readTree(embedded.asText());
    }
}
