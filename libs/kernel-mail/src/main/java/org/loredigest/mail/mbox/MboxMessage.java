package org.loredigest.mail.mbox;

/**
 * One message cut out of an mbox file.
 *
 * @param index    0-based position of the message in the file
 * @param offset   byte offset of the message's {@code From } separator line (or 0 for a bare message)
 * @param raw      the message bytes with mbox framing removed and mboxrd quoting undone
 */
public record MboxMessage(long index, long offset, byte[] raw) {
}
