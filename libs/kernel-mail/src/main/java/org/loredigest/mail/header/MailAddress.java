package org.loredigest.mail.header;

/**
 * A mailbox: display name (decoded, may be empty) and address (lower-cased, may be empty when unparseable).
 */
public record MailAddress(String name, String email) {

    public MailAddress {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
    }

    /** {@code Name <email>}, or just the email when there is no name. */
    public String display() {
        return name.isEmpty() ? email : name + " <" + email + ">";
    }
}
