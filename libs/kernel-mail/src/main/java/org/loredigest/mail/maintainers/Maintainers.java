package org.loredigest.mail.maintainers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kernel's MAINTAINERS file with get_maintainer.pl's matching rules. The file is never bundled: load it from a
 * kernel checkout ({@link #fromKernelTree}), a path ({@link #load(Path)}) or a URL ({@link #load(URI)}).
 *
 * <p>For each file, every section is tested: a matching X: pattern excludes the section; otherwise each matching
 * F: pattern records its depth (directory levels; the last match in the section wins, as in get_maintainer.pl) and a
 * matching N: regex records depth 0. Sections are then listed deepest first, so the most specific entry leads and
 * catch-alls such as THE REST come last. K: keywords are matched against the patch (mail text before the diff, and
 * added/removed lines of the diff) and their sections are appended.
 */
public final class Maintainers {

    private final List<MaintainersSection> sections;
    private final List<Compiled> compiled;
    /** {@link #sectionsForList}'s answer for every address and dotted form an L: line names, lower case. */
    private final Map<String, List<MaintainersSection>> byList;

    private Maintainers(List<MaintainersSection> sections, Path kernelTree) {
        this.sections = List.copyOf(sections);
        List<Compiled> c = new ArrayList<>(sections.size());
        for (MaintainersSection s : sections) {
            c.add(new Compiled(s, kernelTree));
        }
        this.compiled = c;
        this.byList = indexLists(this.sections);
    }

    private static Map<String, List<MaintainersSection>> indexLists(List<MaintainersSection> sections) {
        Map<String, List<MaintainersSection>> primary = new HashMap<>();
        Map<String, List<MaintainersSection>> secondary = new HashMap<>();
        for (MaintainersSection s : sections) {
            Set<String> seen = new HashSet<>(); // a section counts where it first names the list
            for (int i = 0; i < s.lists().size(); i++) {
                String l = s.lists().get(i).toLowerCase(Locale.ROOT);
                for (String key : List.of(l, l.replace('@', '.'))) {
                    if (seen.add(key)) {
                        (i == 0 ? primary : secondary).computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        Map<String, List<MaintainersSection>> index = new HashMap<>();
        Set<String> keys = new HashSet<>(primary.keySet());
        keys.addAll(secondary.keySet());
        for (String key : keys) {
            List<MaintainersSection> both = new ArrayList<>(primary.getOrDefault(key, List.of()));
            both.addAll(secondary.getOrDefault(key, List.of()));
            index.put(key, List.copyOf(both));
        }
        return index;
    }

    public static Maintainers parse(String text) {
        return new Maintainers(MaintainersParser.parse(text), null);
    }

    public static Maintainers load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** MAINTAINERS of a kernel checkout; directory patterns are checked against the tree as get_maintainer.pl does. */
    public static Maintainers fromKernelTree(Path root) throws IOException {
        return new Maintainers(MaintainersParser.parse(Files.readString(root.resolve("MAINTAINERS"), StandardCharsets.UTF_8)), root);
    }

    /** From a URL (https:, file:, ...), e.g. a raw MAINTAINERS file served by a git web front end. */
    public static Maintainers load(URI uri) throws IOException {
        try (InputStream in = uri.toURL().openStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public List<MaintainersSection> sections() {
        return sections;
    }

    public MaintainersSection section(String name) {
        for (MaintainersSection s : sections) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Sections covering the files, most specific first per file, without duplicates (get_maintainer.pl order). */
    public List<SubsystemMatch> forFiles(Collection<String> files) {
        return forPatch(files, List.of());
    }

    /**
     * Sections for a patch: file matches as {@link #forFiles}, then keyword (K:) sections.
     *
     * @param files     touched paths (without a/ b/ prefixes)
     * @param patchText lines of the patch mail; keywords match anywhere before the first {@code ---}/{@code +++}
     *                  file line and only on {@code +}/{@code -} lines after it
     */
    public List<SubsystemMatch> forPatch(Collection<String> files, List<String> patchText) {
        Map<MaintainersSection, SubsystemMatch> out = new LinkedHashMap<>();
        for (String file : new LinkedHashSet<>(files)) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            List<SubsystemMatch> forFile = new ArrayList<>();
            for (Compiled c : compiled) {
                SubsystemMatch m = c.match(file);
                if (m != null) {
                    forFile.add(m);
                }
            }
            // stable sort: equal depths keep MAINTAINERS order
            forFile.sort((a, b) -> Integer.compare(b.depth(), a.depth()));
            for (SubsystemMatch m : forFile) {
                out.putIfAbsent(m.section(), m);
            }
        }
        if (!patchText.isEmpty()) {
            for (SubsystemMatch m : keywordMatches(patchText)) {
                out.putIfAbsent(m.section(), m);
            }
        }
        return List.copyOf(out.values());
    }

    /** The mailing lists get_maintainer.pl would print for these matches, in order, without duplicates. */
    public static List<String> lists(List<SubsystemMatch> matches) {
        Set<String> lists = new LinkedHashSet<>();
        for (SubsystemMatch m : matches) {
            for (String l : m.section().openLists()) {
                lists.add(l.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(lists);
    }

    /** Sections whose L: names this list (address or dotted List-Id form); sections listing it first come first. */
    public List<MaintainersSection> sectionsForList(String list) {
        return byList.getOrDefault(list.toLowerCase(Locale.ROOT), List.of());
    }

    /** K: keyword sections for free text (subject and body of a mail without a diff). */
    public List<SubsystemMatch> forText(String text) {
        List<SubsystemMatch> out = new ArrayList<>();
        for (Compiled c : compiled) {
            for (Pattern k : c.keywords) {
                if (k.matcher(text).find()) {
                    out.add(new SubsystemMatch(c.section, 0, "", "K: " + k.pattern()));
                    break;
                }
            }
        }
        return out;
    }

    private List<SubsystemMatch> keywordMatches(List<String> lines) {
        List<SubsystemMatch> out = new ArrayList<>();
        Set<MaintainersSection> seen = new LinkedHashSet<>();
        boolean inDiff = false;
        for (String line : lines) {
            if (line.startsWith("+++ ") || line.startsWith("--- ") && line.length() > 4 && !line.substring(4).isBlank()) {
                inDiff = true;
                continue;
            }
            if (line.startsWith("@@ -")) {
                continue;
            }
            if (inDiff && !(line.startsWith("+") || line.startsWith("-"))) {
                continue;
            }
            for (Compiled c : compiled) {
                if (c.keywords.isEmpty() || seen.contains(c.section)) {
                    continue;
                }
                for (Pattern k : c.keywords) {
                    if (k.matcher(line).find()) {
                        seen.add(c.section);
                        out.add(new SubsystemMatch(c.section, 0, "", "K: " + k.pattern()));
                        break;
                    }
                }
            }
        }
        // get_maintainer.pl sorts keyword hits by their position in MAINTAINERS
        out.sort((a, b) -> Integer.compare(a.section().line(), b.section().line()));
        return out;
    }

    /** A section with its patterns compiled once. */
    private static final class Compiled {
        final MaintainersSection section;
        final List<FilePattern> files = new ArrayList<>();
        final List<FilePattern> excludes = new ArrayList<>();
        final List<Pattern> regexes = new ArrayList<>();
        final List<Pattern> keywords = new ArrayList<>();

        Compiled(MaintainersSection s, Path tree) {
            this.section = s;
            s.files().forEach(f -> files.add(new FilePattern(f, tree)));
            s.excludes().forEach(x -> excludes.add(new FilePattern(x, tree)));
            s.regexes().forEach(n -> add(regexes, n));
            s.keywords().forEach(k -> add(keywords, k));
        }

        /** Perl's /x flag is Java's COMMENTS flag. */
        private static void add(List<Pattern> into, String regex) {
            try {
                into.add(Pattern.compile(regex, Pattern.COMMENTS));
            } catch (PatternSyntaxException e) {
                into.add(Pattern.compile(Pattern.quote(regex)));
            }
        }

        SubsystemMatch match(String file) {
            for (FilePattern x : excludes) {
                if (x.matches(file)) {
                    return null;
                }
            }
            Integer depth = null;
            String reason = null;
            for (FilePattern f : files) {
                if (f.matches(file)) {
                    depth = f.depth(file);
                    reason = "F: " + f.raw();
                }
            }
            for (Pattern n : regexes) {
                if (n.matcher(file).find()) {
                    depth = 0;
                    reason = "N: " + n.pattern();
                }
            }
            return depth == null ? null : new SubsystemMatch(section, depth, file, reason);
        }
    }
}
