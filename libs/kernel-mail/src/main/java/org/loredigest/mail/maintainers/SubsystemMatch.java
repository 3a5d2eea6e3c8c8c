package org.loredigest.mail.maintainers;

/**
 * A MAINTAINERS section that covers a change.
 *
 * @param section the section
 * @param depth   get_maintainer.pl's pattern depth: directory levels of the matching F: pattern (higher is more
 *                specific; 0 for N: regexes and keywords, -1 for catch-all patterns such as {@code *})
 * @param file    the file that matched, or empty for keyword matches
 * @param reason  {@code F: pattern}, {@code N: regex} or {@code K: keyword} that matched
 */
public record SubsystemMatch(MaintainersSection section, int depth, String file, String reason) {

    public String name() {
        return section.name();
    }
}
