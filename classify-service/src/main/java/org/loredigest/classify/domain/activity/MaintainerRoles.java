package org.loredigest.classify.domain.activity;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.mail.maintainers.Maintainers;
import org.loredigest.mail.maintainers.MaintainersSection;

/** Who maintains a MAINTAINERS section ({@code M:} lines), by address: maintainer involvement in a thread. */
public final class MaintainerRoles {

    private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>|(\\S+@\\S+)");

    private final Map<String, Set<String>> maintainersBySection = new HashMap<>();

    private MaintainerRoles() {
    }

    public static MaintainerRoles of(Optional<Maintainers> maintainers) {
        MaintainerRoles roles = new MaintainerRoles();
        maintainers.ifPresent(m -> m.sections().forEach(roles::add));
        return roles;
    }

    public static MaintainerRoles none() {
        return new MaintainerRoles();
    }

    private void add(MaintainersSection section) {
        Set<String> emails = new HashSet<>();
        for (String value : section.maintainers()) {
            Matcher m = ADDRESS.matcher(value);
            if (m.find()) {
                emails.add((m.group(1) != null ? m.group(1) : m.group(2)).strip().toLowerCase(Locale.ROOT));
            }
        }
        maintainersBySection.put(section.name(), emails);
    }

    /** The address is listed as M: of one of the sections. */
    public boolean maintains(String email, Collection<String> sections) {
        if (email == null) {
            return false;
        }
        String address = email.toLowerCase(Locale.ROOT);
        for (String section : sections) {
            if (maintainersBySection.getOrDefault(section, Set.of()).contains(address)) {
                return true;
            }
        }
        return false;
    }
}
