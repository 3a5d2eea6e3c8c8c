#!/usr/bin/env python3
"""Writes saved-objects.ndjson: the lore-mails and lore-topics data views and the "lore-digest overview" dashboard.

Field names are those of report-service's index templates (report-service/src/main/resources/elasticsearch/);
KibanaSavedObjectsTest in report-service fails the build when a visualization uses a field they do not have.

    python3 deploy/kibana/generate.py      # rewrites deploy/kibana/saved-objects.ndjson
"""
import pathlib

from kibana_objects import (count, dashboard, data_view, date_histogram, dumps, filters, metric, pie_params,
                            table_params, terms, visualization, xy_params)

OUT = pathlib.Path(__file__).resolve().parent / "saved-objects.ndjson"
MAILS = "lore-digest-mails"
TOPICS = "lore-digest-topics"
DASHBOARD = "lore-digest-overview"


FIX_STATUS_ORDER = ["none", "proposed", "reviewed", "applied", "merged", "superseded"]

VISUALIZATIONS = [
    visualization(
        "lore-digest-mail-volume", "Mail volume by list",
        "Mails per time bucket (lore-mails, date), one line per list (top 10 lists).",
        "line", xy_params("line", "Mails", mode="normal"),
        [count("1", "Mails"), date_histogram("2", "date", "Date"), terms("3", "group", "list", 10, "List", other=True)],
        MAILS),
    visualization(
        "lore-digest-fix-status-funnel", "Fix status funnel",
        "Topics per fixStatus.value in the order none, proposed, reviewed, applied, merged, then superseded.",
        "horizontal_bar", xy_params("histogram", "Topics", horizontal=True, legend=False),
        [count("1", "Topics"), filters("2", "fixStatus.value", FIX_STATUS_ORDER, "Fix status")],
        TOPICS),
    visualization(
        "lore-digest-topics-by-type", "Topics by type",
        "Classified threads (lore-topics) per type.value.",
        "pie", pie_params(),
        [count("1", "Topics"), terms("2", "segment", "type.value", 15, "Type")],
        TOPICS),
    visualization(
        "lore-digest-topics-by-severity", "Topics by severity",
        "Classified threads (lore-topics) per severity.value.",
        "pie", pie_params(),
        [count("1", "Topics"), terms("2", "segment", "severity.value", 10, "Severity")],
        TOPICS),
    visualization(
        "lore-digest-topics-by-subsystem", "Topics by subsystem (top 15)",
        "The 15 subsystems.values (MAINTAINERS sections) with the most topics.",
        "horizontal_bar", xy_params("histogram", "Topics", horizontal=True, legend=False),
        [count("1", "Topics"), terms("2", "segment", "subsystems.values", 15, "Subsystem")],
        TOPICS),
    visualization(
        "lore-digest-security-topics", "Security topics",
        "Topics with security.value yes: title, list, severity, fix status and first activity, newest first.",
        "table", table_params(20),
        [
            metric("1", "min", "firstActivity", "First activity"),
            terms("2", "bucket", "title.keyword", 200, "Title"),
            terms("3", "bucket", "list", 5, "List"),
            terms("4", "bucket", "severity.value", 5, "Severity"),
            terms("5", "bucket", "fixStatus.value", 5, "Fix status"),
        ],
        TOPICS, query='security.value : "yes"'),
    visualization(
        "lore-digest-top-authors", "Top authors (mails)",
        "Senders with the most mails (lore-mails fromEmail), bots left out, with the number of lists they wrote to.",
        "table", table_params(10),
        [
            count("1", "Mails"),
            terms("2", "bucket", "fromEmail", 25, "Author"),
            metric("3", "cardinality", "list", "Lists"),
        ],
        MAILS, query="author_bot : false"),
    visualization(
        "lore-digest-thread-starters", "Thread starters",
        "Authors of the first mail of classified threads (lore-topics author_name, GrimoireLab naming), bots left out.",
        "table", table_params(10),
        [
            count("1", "Threads started"),
            terms("2", "bucket", "author_name", 25, "Author"),
            metric("3", "cardinality", "lists", "Lists"),
        ],
        TOPICS, query="author_bot : false"),
    visualization(
        "lore-digest-top-author-domains", "Top author domains (mails)",
        "Mails per author_domain (the sender's mail domain, GrimoireLab naming), bots left out.",
        "horizontal_bar", xy_params("histogram", "Mails", horizontal=True, legend=False),
        [count("1", "Mails"), terms("2", "segment", "author_domain", 15, "Domain")],
        MAILS, query="author_bot : false"),
    visualization(
        "lore-digest-top-reviewers", "Top reviewers",
        "Addresses that reviewed the most topics (lore-topics reviewers: review trailers and inline reviews).",
        "table", table_params(10),
        [
            count("1", "Topics reviewed"),
            terms("2", "bucket", "reviewers", 25, "Reviewer"),
            metric("3", "cardinality", "lists", "Lists"),
        ],
        TOPICS),
    visualization(
        "lore-digest-series-versions", "Patch series by revision",
        "Topics that are patch series, per series.version (v1, v2, ...).",
        "histogram", xy_params("histogram", "Topics", legend=False),
        [count("1", "Topics"), terms("2", "segment", "series.version", 20, "Series version", order_by="_key",
                                     order="asc")],
        TOPICS, query="series.version >= 1"),
    visualization(
        "lore-digest-series-revisions", "Series revisions",
        "Series (series.seriesKey) with their latest revision, thread count, patch count and last activity.",
        "table", table_params(10),
        [
            metric("1", "max", "series.version", "Latest version"),
            terms("2", "bucket", "series.seriesKey", 50, "Series"),
            count("3", "Threads"),
            metric("4", "max", "series.patchCount", "Patches"),
            metric("5", "max", "lastActivity", "Last activity"),
        ],
        TOPICS),
]

# (visualization id, x, y, w, h) on the 48-column dashboard grid
LAYOUT = [
    ("lore-digest-mail-volume", 0, 0, 32, 15),
    ("lore-digest-fix-status-funnel", 32, 0, 16, 15),
    ("lore-digest-topics-by-type", 0, 15, 16, 15),
    ("lore-digest-topics-by-severity", 16, 15, 16, 15),
    ("lore-digest-topics-by-subsystem", 32, 15, 16, 15),
    ("lore-digest-security-topics", 0, 30, 48, 18),
    ("lore-digest-top-authors", 0, 48, 12, 16),
    ("lore-digest-thread-starters", 12, 48, 12, 16),
    ("lore-digest-top-reviewers", 24, 48, 12, 16),
    ("lore-digest-top-author-domains", 36, 48, 12, 16),
    ("lore-digest-series-versions", 0, 64, 18, 15),
    ("lore-digest-series-revisions", 18, 64, 30, 15),
]


def main():
    objects = [data_view(MAILS, "lore-mails", "date"), data_view(TOPICS, "lore-topics", "firstActivity")]
    objects += VISUALIZATIONS
    objects.append(dashboard(
        DASHBOARD, "lore-digest overview",
        "Mailing-list traffic (lore-mails) and classified threads (lore-topics): volume, types, severities, "
        "subsystems, security topics, fix status, people and patch series.",
        LAYOUT))
    OUT.write_text("".join(dumps(o) + "\n" for o in objects), encoding="utf-8")
    print(f"wrote {len(objects)} objects to {OUT}")


if __name__ == "__main__":
    main()
