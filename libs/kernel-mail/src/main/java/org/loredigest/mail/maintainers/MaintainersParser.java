package org.loredigest.mail.maintainers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MAINTAINERS the way get_maintainer.pl does: every {@code X:\tvalue} line is a field, every other non-blank
 * line is a title, and a section is a title followed by its fields. The prose before the first field is skipped.
 */
final class MaintainersParser {

    private static final Pattern FIELD = Pattern.compile("^([A-Z]):\\s*(.*)$");

    private MaintainersParser() {
    }

    static List<MaintainersSection> parse(String text) {
        List<MaintainersSection> sections = new ArrayList<>(3500);
        String[] lines = text.split("\n", -1);
        String title = null;
        int titleLine = 0;
        Builder current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                if (current == null) {
                    if (title == null) {
                        continue;
                    }
                    current = new Builder(title, titleLine);
                }
                current.add(m.group(1).charAt(0), m.group(2).strip());
            } else {
                if (current != null) {
                    sections.add(current.build());
                    current = null;
                }
                title = line.strip();
                titleLine = i + 1;
            }
        }
        if (current != null) {
            sections.add(current.build());
        }
        return sections;
    }

    private static final class Builder {
        final String name;
        final int line;
        String status = "";
        final List<String> maintainers = new ArrayList<>();
        final List<String> reviewers = new ArrayList<>();
        final List<String> lists = new ArrayList<>();
        final List<String> listNotes = new ArrayList<>();
        final List<String> trees = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        final List<String> excludes = new ArrayList<>();
        final List<String> regexes = new ArrayList<>();
        final List<String> keywords = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        void add(char type, String value) {
            switch (type) {
                case 'S' -> status = value;
                case 'M' -> maintainers.add(value);
                case 'R' -> reviewers.add(value);
                case 'L' -> {
                    String[] parts = value.split("\\s+", 2);
                    lists.add(parts[0]);
                    listNotes.add(parts.length > 1 ? parts[1] : "");
                }
                case 'T' -> trees.add(value);
                case 'F' -> files.add(value);
                case 'X' -> excludes.add(value);
                case 'N' -> regexes.add(value);
                case 'K' -> keywords.add(value);
                default -> {
                }
            }
        }

        MaintainersSection build() {
            return new MaintainersSection(name, status, List.copyOf(maintainers), List.copyOf(reviewers), List.copyOf(lists),
                    List.copyOf(listNotes), List.copyOf(trees), List.copyOf(files), List.copyOf(excludes), List.copyOf(regexes),
                    List.copyOf(keywords), line);
        }
    }
}
