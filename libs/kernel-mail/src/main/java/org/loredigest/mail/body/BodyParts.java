package org.loredigest.mail.body;

/**
 * A message text split the way a reader sees it.
 *
 * @param newText       what the sender wrote (no quotes, no attribution lines, no signature)
 * @param quotedText    quoted lines ({@code > ...}) and their attribution lines ("On ..., X wrote:")
 * @param signature     text after the last {@code "-- "} line
 * @param quoteBlocks   runs of quoted lines
 * @param answeredQuotes quote runs followed by new text: more than one means an inline (interleaved) reply
 * @param quotesPatch   the quoted text contains diff lines (a reply to a patch quoting code)
 */
public record BodyParts(String newText, String quotedText, String signature, int quoteBlocks, int answeredQuotes,
                        boolean quotesPatch) {
}
