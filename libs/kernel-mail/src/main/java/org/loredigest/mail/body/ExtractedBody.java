package org.loredigest.mail.body;

import java.util.List;

/**
 * The readable text of a message and facts about its MIME structure.
 *
 * @param text        the text a reader sees: the plain part of an alternative, inline text and patch parts of a
 *                    mixed message, HTML converted to text when nothing else exists
 * @param mimeType    top-level type of the message
 * @param htmlOnly    the text came from HTML
 * @param pgpSigned   multipart/signed (or an inline PGP signature)
 * @param attachments parts other than the main text
 */
public record ExtractedBody(String text, String mimeType, boolean htmlOnly, boolean pgpSigned, List<Attachment> attachments) {
}
