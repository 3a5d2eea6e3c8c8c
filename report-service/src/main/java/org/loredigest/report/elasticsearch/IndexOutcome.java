package org.loredigest.report.elasticsearch;

import java.util.List;
import java.util.Map;

/**
 * What happened to one batch of documents.
 *
 * @param stored  taken (or already newer in Elasticsearch)
 * @param retry   not taken for a transient reason
 * @param refused refused for good, with the reason, for dead-lettering
 */
public record IndexOutcome<T>(int stored, List<T> retry, Map<T, String> refused) {
}
