package org.loredigest.mail.patch;

/**
 * One commit a pull request carries, as its shortlog lists it.
 *
 * @param author the author named above the title in the shortlog ({@code Jane Doe (3):})
 * @param title  the commit title (its subject line)
 */
public record PullCommit(String author, String title) {
}
