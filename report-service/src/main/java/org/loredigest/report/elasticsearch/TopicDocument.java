package org.loredigest.report.elasticsearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.loredigest.events.InstantText;
import org.loredigest.events.ThreadClassified;
import org.loredigest.report.domain.MailDocument;

/**
 * A topic as {@link IndexSpec#TOPICS} stores it: the event's own fields as they are, plus flat facet fields for Kibana
 * and GrimoireLab-style dashboards. Written in one pass; the author facets and the creation date are left out when
 * the topic has no author or no activity.
 */
public record TopicDocument(
        @JsonUnwrapped ThreadClassified topic,
        String list,
        String kind,
        @JsonProperty("author_name") @JsonInclude(JsonInclude.Include.NON_NULL) String authorName,
        @JsonProperty("author_domain") @JsonInclude(JsonInclude.Include.NON_NULL) String authorDomain,
        @JsonProperty("author_bot") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean authorBot,
        @JsonProperty("grimoire_creation_date") @JsonInclude(JsonInclude.Include.NON_NULL) String creationDate,
        String indexedAt) {

    /** @param indexedAt when the batch was indexed, as the contract writes instants ({@link InstantText#format}) */
    public static TopicDocument of(ThreadClassified topic, String indexedAt) {
        ThreadClassified.Participant author = topic.author();
        return new TopicDocument(topic,
                topic.lists().isEmpty() ? "" : topic.lists().get(0),
                topic.rootKind(),
                author == null ? null : author.name(),
                author == null ? null : MailDocument.domainOf(author.email()),
                author == null ? null : author.bot(),
                topic.firstActivity() == null ? null : InstantText.format(topic.firstActivity()),
                indexedAt);
    }
}
