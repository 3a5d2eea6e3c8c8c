package org.loredigest.mail.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * List identity from List-Id ({@code "Description <cgroups.vger.kernel.org>"}) and X-Mailing-List
 * ({@code cgroups@vger.kernel.org}). Both are normalised to the dotted List-Id form lore uses, so
 * {@code cgroups@vger.kernel.org} and {@code <cgroups.vger.kernel.org>} are one list.
 */
public final class ListIds {

    private ListIds() {
    }

    public static List<String> of(List<String> listIdValues, List<String> mailingListValues) {
        List<String> ids = new ArrayList<>(2);
        for (String v : listIdValues) {
            add(ids, fromListId(v));
        }
        for (String v : mailingListValues) {
            add(ids, fromAddress(v));
        }
        return ids;
    }

    static String fromListId(String value) {
        if (value == null) {
            return null;
        }
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        String id = open >= 0 && close > open ? value.substring(open + 1, close) : value;
        id = id.strip().toLowerCase(Locale.ROOT);
        return id.isEmpty() ? null : id;
    }

    /** {@code linux-mm@kvack.org} becomes {@code linux-mm.kvack.org}, as vger and kvack write their List-Id. */
    public static String fromAddress(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int open = v.indexOf('<');
        int close = v.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            v = v.substring(open + 1, close);
        }
        int space = v.indexOf(' ');
        if (space > 0) {
            v = v.substring(0, space);
        }
        v = v.toLowerCase(Locale.ROOT).replace('@', '.');
        return v.isEmpty() ? null : v;
    }

    private static void add(List<String> ids, String id) {
        if (id != null && !ids.contains(id)) {
            ids.add(id);
        }
    }
}
