package org.loredigest.mail.maintainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An F:/X: pattern compiled as get_maintainer.pl does it: {@code .} becomes {@code \.}, {@code *} becomes {@code .*},
 * {@code ?} becomes {@code .}, and the result is matched as a regex anchored at the start of the path. A pattern
 * without a trailing slash matches only paths with as many slashes, unless it names a directory.
 *
 * <p>get_maintainer.pl learns "names a directory" with {@code -d} in the kernel tree. With a tree configured this
 * class does the same; without one, a pattern free of {@code . * ?} that is followed by {@code /} in the path must
 * be a directory, because the file exists below it.
 */
final class FilePattern {

    private final String raw;
    private final String converted;
    private final Pattern regex;
    private final boolean directory;
    private final boolean maybeDirectory;
    private final int slashes;
    private final boolean catchAll;

    FilePattern(String raw, Path kernelTree) {
        this.raw = raw;
        String c = raw.replace(".", "\\.").replace("*", ".*").replace("?", ".");
        boolean dir = c.endsWith("/");
        boolean maybe = false;
        if (!dir) {
            if (kernelTree != null) {
                dir = Files.isDirectory(kernelTree.resolve(c));
                if (dir) {
                    c = c + "/";
                }
            } else {
                maybe = raw.indexOf('.') < 0 && raw.indexOf('*') < 0 && raw.indexOf('?') < 0;
            }
        }
        this.converted = c;
        this.directory = dir;
        this.maybeDirectory = maybe;
        this.slashes = count(c, '/');
        this.catchAll = c.startsWith(".*");
        Pattern p;
        try {
            p = Pattern.compile("^" + c);
        } catch (PatternSyntaxException e) {
            p = Pattern.compile("^" + Pattern.quote(raw));
        }
        this.regex = p;
    }

    String raw() {
        return raw;
    }

    /** get_maintainer.pl's file_match_pattern. */
    boolean matches(String file) {
        if (!regex.matcher(file).find()) {
            return false;
        }
        if (directory) {
            return true;
        }
        if (maybeDirectory && file.startsWith(raw + "/")) {
            return true;
        }
        return count(file, '/') == slashes;
    }

    /** get_maintainer.pl's $value_pd for a match of {@code file}. */
    int depth(String file) {
        if (catchAll) {
            return -1;
        }
        boolean dir = directory || maybeDirectory && file.startsWith(raw + "/");
        return dir ? slashes + (converted.endsWith("/") ? 0 : 1) : slashes + 1;
    }

    static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
