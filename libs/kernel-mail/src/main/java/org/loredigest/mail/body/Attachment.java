package org.loredigest.mail.body;

/**
 * A MIME part that is not the main text.
 *
 * @param fileName    declared file name, or empty
 * @param mimeType    lower-case type/subtype
 * @param size        decoded size in bytes
 * @param inlinedText whether its text was added to the body text (patches attached as text/x-patch, for example)
 */
public record Attachment(String fileName, String mimeType, int size, boolean inlinedText) {
}
