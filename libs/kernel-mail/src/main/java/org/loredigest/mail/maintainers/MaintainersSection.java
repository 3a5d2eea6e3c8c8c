package org.loredigest.mail.maintainers;

import java.util.List;

/**
 * One MAINTAINERS entry: its title line and field lines.
 *
 * @param name        the title, e.g. {@code MEMORY MANAGEMENT - RECLAIM}
 * @param status      {@code S:} (Maintained, Supported, Odd Fixes, ...)
 * @param maintainers {@code M:} values
 * @param reviewers   {@code R:} values
 * @param lists       {@code L:} list addresses (first token of each value)
 * @param listNotes   {@code L:} annotations in the same order ("moderated for non-subscribers"), or empty
 * @param trees       {@code T:} values
 * @param files       {@code F:} patterns as written
 * @param excludes    {@code X:} patterns as written
 * @param regexes     {@code N:} regexes
 * @param keywords    {@code K:} regexes
 * @param line        1-based line of the title in the file
 */
public record MaintainersSection(String name, String status, List<String> maintainers, List<String> reviewers,
                                 List<String> lists, List<String> listNotes, List<String> trees, List<String> files,
                                 List<String> excludes, List<String> regexes, List<String> keywords, int line) {

    /** Lists get_maintainer.pl prints by default: subscribers-only lists are left out. */
    public List<String> openLists() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            if (!listNotes.get(i).contains("subscribers-only")) {
                out.add(lists.get(i));
            }
        }
        return out;
    }
}
