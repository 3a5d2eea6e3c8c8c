package org.loredigest.ingest.domain;

/**
 * What an import did.
 *
 * @param list         list the mail was imported for
 * @param source       source name
 * @param messages     mails published to the received topic
 * @param rejected     items sent to the dead-letter topic instead
 * @param duplicates   copies of mail already published, skipped
 * @param bytes        bytes of mail read
 * @param millis       wall-clock duration
 */
public record ImportResult(String list, String source, long messages, long rejected, long duplicates, long bytes,
                           long millis) {

    public double messagesPerSecond() {
        return millis == 0 ? messages : messages * 1000.0 / millis;
    }
}
