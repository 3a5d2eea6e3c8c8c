package org.loredigest.mail;

/**
 * Something odd about a message that parsing worked around.
 *
 * @param code   stable machine-readable code, e.g. {@code date-unparseable}
 * @param detail human-readable explanation with the offending value
 */
public record MailProblem(String code, String detail) {

    public static MailProblem of(String code, String detail) {
        return new MailProblem(code, detail);
    }
}
