package org.loredigest.mail.maintainers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.thread.MailThread;

/**
 * Subsystems of any message: a message with a diff by its files; a message without one (reply, cover letter, bug
 * report) by the patches of its thread; failing that by the list it came through (sections naming that list, the
 * ones listing it first leading), then by K: keywords in its subject and text.
 */
public final class SubsystemResolver {

    /** How the subsystems of a message were found. */
    public enum Source { DIFF, THREAD_PATCHES, LIST_ID, KEYWORDS, NONE }

    /** Subsystem names (MAINTAINERS section titles), most specific first. */
    public record Subsystems(List<String> names, List<String> lists, Source source) {
    }

    private final Maintainers maintainers;

    public SubsystemResolver(Maintainers maintainers) {
        this.maintainers = maintainers;
    }

    public Subsystems resolve(ParsedMail mail, MailThread thread) {
        if (mail.patch().hasDiff()) {
            return of(maintainers.forPatch(mail.patch().paths(), List.of(mail.bodyText().split("\n"))), Source.DIFF);
        }
        if (thread != null) {
            Set<String> files = new LinkedHashSet<>();
            for (ParsedMail m : thread.messages()) {
                if (m.patch().hasDiff()) {
                    files.addAll(m.patch().paths());
                }
            }
            if (!files.isEmpty()) {
                return of(maintainers.forFiles(files), Source.THREAD_PATCHES);
            }
        }
        for (String listId : mail.listIds()) {
            List<MaintainersSection> sections = maintainers.sectionsForList(listAddress(listId));
            if (!sections.isEmpty()) {
                List<String> names = new ArrayList<>();
                sections.forEach(s -> names.add(s.name()));
                return new Subsystems(List.copyOf(names), List.of(listAddress(listId)), Source.LIST_ID);
            }
        }
        List<SubsystemMatch> keywords = maintainers.forText(mail.subject() + "\n" + mail.newText());
        if (!keywords.isEmpty()) {
            return of(keywords, Source.KEYWORDS);
        }
        return new Subsystems(List.of(), List.of(), Source.NONE);
    }

    /** {@code cgroups.vger.kernel.org} is {@code cgroups@vger.kernel.org}: the first dot was the at sign. */
    static String listAddress(String listId) {
        int dot = listId.indexOf('.');
        return dot < 0 ? listId : listId.substring(0, dot) + "@" + listId.substring(dot + 1);
    }

    private static Subsystems of(List<SubsystemMatch> matches, Source source) {
        List<String> names = matches.stream().map(SubsystemMatch::name).toList();
        return new Subsystems(names, Maintainers.lists(matches), source);
    }
}
