package org.loredigest.report.elasticsearch;

/**
 * A versioned index behind a stable alias, created from an index template. Readers and writers use {@link #alias()},
 * never the versioned name, so a mapping change is a new template version, a new index and an alias switch.
 *
 * @param alias            what everybody uses, e.g. {@code lore-mails}
 * @param index            the current versioned index, e.g. {@code lore-mails-v1}
 * @param template         name of the index template covering {@code alias-v*}
 * @param templateResource classpath resource holding the template body
 */
public record IndexSpec(String alias, String index, String template, String templateResource) {

    public static final IndexSpec MAILS = new IndexSpec("lore-mails", "lore-mails-v1", "lore-mails",
            "/elasticsearch/lore-mails-template.json");
    public static final IndexSpec TOPICS = new IndexSpec("lore-topics", "lore-topics-v1", "lore-topics",
            "/elasticsearch/lore-topics-template.json");
    /** Language-model summaries by thread id (see {@code ThreadSummarised}), laid over topics whose content matches. */
    public static final IndexSpec SUMMARIES = new IndexSpec("lore-summaries", "lore-summaries-v1", "lore-summaries",
            "/elasticsearch/lore-summaries-template.json");
    public static final IndexSpec DIGESTS = new IndexSpec("lore-digests", "lore-digests-v1", "lore-digests",
            "/elasticsearch/lore-digests-template.json");
}
