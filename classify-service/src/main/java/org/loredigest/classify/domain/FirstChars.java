package org.loredigest.classify.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The characters a regular expression can begin a match with, read from its source: ASCII characters as a set, and
 * whether it may begin with one beyond ASCII. Only a superset has to be right — {@link Alternation} then tries the
 * expression at a few positions too many, never too few — so whatever this does not understand counts as "any".
 *
 * <p>Understood: literal characters and escapes, character classes without negation or nesting, {@code \d \s \w},
 * groups {@code ( (?: (?<name>} with alternatives, look-arounds and anchors (they consume nothing), and the
 * quantifiers {@code ? * + {n,m}} with their lazy and possessive forms.
 */
record FirstChars(BitSet ascii, boolean beyondAscii) {

    private static final FirstChars ANY = any();
    private static final String SPACES = " \t\n\u000B\f\r";

    boolean contains(int c) {
        return ascii.get(c);
    }

    static FirstChars of(String regex, boolean foldCase) {
        Reader reader = new Reader(regex, foldCase);
        Result r = reader.alternatives(0, regex.length());
        return r.nullable ? ANY : new FirstChars(r.ascii, r.beyondAscii);
    }

    /** The index just after the group that opens at {@code open}. */
    static int groupEnd(String regex, int open) {
        return new Reader(regex, false).skipAtom(open);
    }

    /** {@code regex[from, to)} cut at its top-level bars. */
    static List<String> branches(String regex, int from, int to) {
        Reader reader = new Reader(regex, false);
        List<String> out = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || regex.charAt(i) == '|') {
                out.add(regex.substring(start, i));
                start = i + 1;
            } else {
                i = reader.skipAtom(i) - 1;
            }
        }
        return out;
    }

    private static FirstChars any() {
        BitSet all = new BitSet(128);
        all.set(0, 128);
        return new FirstChars(all, true);
    }

    /** What a piece of the expression can begin with, and whether it can match the empty string. */
    private static final class Result {
        final BitSet ascii = new BitSet(128);
        boolean beyondAscii;
        boolean nullable;

        Result add(Result other) {
            ascii.or(other.ascii);
            beyondAscii |= other.beyondAscii;
            return this;
        }

        static Result empty() {
            Result r = new Result();
            r.nullable = true;
            return r;
        }

        static Result anything() {
            Result r = new Result();
            r.ascii.set(0, 128);
            r.beyondAscii = true;
            return r;
        }
    }

    private static final class Reader {
        private final String re;
        private final boolean foldCase;

        Reader(String re, boolean foldCase) {
            this.re = re;
            this.foldCase = foldCase;
        }

        /** {@code re[from, to)} split at its top-level bars. */
        Result alternatives(int from, int to) {
            Result out = new Result();
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || re.charAt(i) == '|') {
                    Result branch = sequence(start, i);
                    out.add(branch);
                    out.nullable |= branch.nullable;
                    start = i + 1;
                } else {
                    i = skipAtom(i) - 1;
                }
            }
            return out;
        }

        /** A sequence of atoms: the first ones up to and including the first that cannot be empty. */
        private Result sequence(int from, int to) {
            Result out = new Result();
            int i = from;
            while (i < to) {
                int end = skipAtom(i);
                Result atom = atom(i, end);
                int afterQuantifier = quantifier(end, to);
                boolean optional = afterQuantifier > end && optionalQuantifier(end);
                out.add(atom);
                if (!atom.nullable && !optional) {
                    return out;
                }
                i = afterQuantifier;
            }
            out.nullable = true;
            return out;
        }

        /** The first index after the atom that starts at {@code i} (quantifiers not included). */
        private int skipAtom(int i) {
            char c = re.charAt(i);
            if (c == '\\') {
                return Math.min(i + 2, re.length());
            }
            if (c == '[') {
                int j = i + 1;
                while (j < re.length() && re.charAt(j) != ']') {
                    j += re.charAt(j) == '\\' ? 2 : 1;
                }
                return Math.min(j + 1, re.length());
            }
            if (c == '(') {
                int depth = 0;
                for (int j = i; j < re.length(); j++) {
                    char d = re.charAt(j);
                    if (d == '\\') {
                        j++;
                    } else if (d == '[') {
                        j = skipAtom(j) - 1;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        return j + 1;
                    }
                }
                return re.length();
            }
            return i + 1;
        }

        private int quantifier(int i, int to) {
            if (i >= to) {
                return i;
            }
            char c = re.charAt(i);
            int end;
            if (c == '?' || c == '*' || c == '+') {
                end = i + 1;
            } else if (c == '{') {
                int close = re.indexOf('}', i);
                end = close < 0 ? to : close + 1;
            } else {
                return i;
            }
            if (end < to && (re.charAt(end) == '?' || re.charAt(end) == '+')) {
                end++;
            }
            return end;
        }

        private boolean optionalQuantifier(int i) {
            char c = re.charAt(i);
            return c == '?' || c == '*' || c == '{' && (re.startsWith("{0}", i) || re.startsWith("{0,", i));
        }

        private Result atom(int from, int to) {
            char c = re.charAt(from);
            switch (c) {
                case '^', '$' -> {
                    return Result.empty();
                }
                case '.' -> {
                    return Result.anything();
                }
                case '\\' -> {
                    return escape(from + 1 < re.length() ? re.charAt(from + 1) : '\\');
                }
                case '[' -> {
                    return characterClass(from + 1, to - 1);
                }
                case '(' -> {
                    return group(from, to);
                }
                default -> {
                    return literal(c);
                }
            }
        }

        private Result group(int from, int to) {
            int close = to - 1;
            if (re.startsWith("(?:", from)) {
                return alternatives(from + 3, close);
            }
            if (re.startsWith("(?=", from) || re.startsWith("(?!", from) || re.startsWith("(?<=", from)
                    || re.startsWith("(?<!", from)) {
                return Result.empty();
            }
            if (re.startsWith("(?<", from)) {
                int nameEnd = re.indexOf('>', from);
                return nameEnd < 0 || nameEnd > close ? Result.anything() : alternatives(nameEnd + 1, close);
            }
            if (re.startsWith("(?", from)) {
                return Result.anything();
            }
            return alternatives(from + 1, close);
        }

        private Result escape(char e) {
            Result r = new Result();
            switch (e) {
                case 'b', 'B', 'A', 'G', 'z', 'Z' -> {
                    return Result.empty();
                }
                case 'd' -> r.ascii.set('0', '9' + 1);
                case 's' -> SPACES.chars().forEach(r.ascii::set);
                case 'w' -> {
                    r.ascii.set('a', 'z' + 1);
                    r.ascii.set('A', 'Z' + 1);
                    r.ascii.set('0', '9' + 1);
                    r.ascii.set('_');
                }
                case 't' -> r.ascii.set('\t');
                case 'n' -> r.ascii.set('\n');
                case 'r' -> r.ascii.set('\r');
                case 'f' -> r.ascii.set('\f');
                default -> {
                    if (Character.isLetterOrDigit(e)) {
                        return Result.anything();
                    }
                    return literal(e);
                }
            }
            return r;
        }

        private Result characterClass(int from, int to) {
            if (from >= to || re.charAt(from) == '^') {
                return Result.anything();
            }
            Result r = new Result();
            for (int i = from; i < to; i++) {
                char c = re.charAt(i);
                if (c == '[' || c == '&') {
                    return Result.anything();
                }
                if (c == '\\') {
                    if (i + 1 >= to) {
                        return Result.anything();
                    }
                    r.add(escape(re.charAt(++i)));
                    if (r.nullable) {
                        return Result.anything();
                    }
                } else if (i + 2 < to && re.charAt(i + 1) == '-' && re.charAt(i + 2) != '\\') {
                    char last = re.charAt(i + 2);
                    for (char x = c; x <= last; x++) {
                        r.add(literal(x));
                    }
                    i += 2;
                } else {
                    r.add(literal(c));
                }
            }
            return r;
        }

        private Result literal(char c) {
            Result r = new Result();
            if (c >= 128) {
                r.beyondAscii = true;
                return r;
            }
            r.ascii.set(c);
            if (foldCase && Character.isLetter(c)) {
                r.ascii.set(Character.toLowerCase(c));
                r.ascii.set(Character.toUpperCase(c));
            }
            return r;
        }
    }
}
