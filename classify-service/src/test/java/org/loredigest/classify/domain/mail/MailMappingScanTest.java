package org.loredigest.classify.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;

/**
 * The call trace, the interfaces a diff adds and its hunks' functions are found by scanning for their words first; on
 * every corpus mail the result equals that of the whole-text searches they replace (kept here as the reference).
 */
class MailMappingScanTest {

    private static final Pattern SPLAT_START = Pattern.compile(
            "(?m)^.*(?:------------\\[ cut here \\]|BUG: |WARNING: |Call Trace:|KASAN: |general protection fault|Unable to handle|Oops: ).*$");
    private static final Pattern NEW_INTERFACE = Pattern.compile(
            "(?m)^\\+\\s*\\.name\\s*=\\s*\"([a-z_.]+)\",|^\\+.*\\b(?:proc_create\\w*|debugfs_create_\\w+|sysfs_create_\\w+|"
                    + "__ATTR\\w*|__setup|early_param)\\s*\\(.*$|^\\+__bpf_kfunc .*$|^\\+#define\\s+(?:MADV|PR|MFD|MAP|AT|SECBIT|LANDLOCK|FAN|IORING|KEYCTL|AUDIT)_\\w+.*$");

    static String referenceCallTrace(String text) {
        Matcher m = SPLAT_START.matcher(text);
        if (!m.find()) {
            return "";
        }
        int start = m.start();
        int blank = text.indexOf("\n\n\n", start);
        int end = Math.min(text.length(), Math.min(blank < 0 ? Integer.MAX_VALUE : blank, start + MailMapping.CALL_TRACE_LIMIT));
        return text.substring(start, end).strip();
    }

    static List<String> referenceInterfaces(String diffText) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NEW_INTERFACE.matcher(diffText);
        while (m.find() && out.size() < MailMapping.FUNCTION_LIMIT) {
            out.add(m.group(1) != null ? m.group(1) : m.group().strip().substring(1).strip());
        }
        return List.copyOf(out);
    }

    static List<String> referenceFunctions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MailMapping.HUNK_FUNCTION.matcher(text);
        while (m.find() && names.size() < MailMapping.FUNCTION_LIMIT) {
            Matcher name = MailMapping.FUNCTION_NAME.matcher(m.group(1));
            if (name.find()) {
                names.add(name.group(1));
            }
        }
        return List.copyOf(names);
    }

    @Test
    void scanningForTheWordsFirstFindsWhatTheWholeTextPatternsFound() throws IOException {
        List<Path> mboxes = new ArrayList<>();
        for (String folder : List.of("lore-cgroups", "linux-mm-kvack", "damon-format-patch", "patchwork-fixtures",
                "lore-linux-security-module")) {
            try (Stream<Path> files = Files.list(Corpus.SHARED.resolve("corpus").resolve(folder))) {
                files.filter(p -> p.toString().endsWith(".mbox")).sorted().forEach(mboxes::add);
            }
        }
        MailParser parser = new MailParser();
        int mails = 0;
        int traces = 0;
        int withInterfaces = 0;
        int withFunctions = 0;
        for (Path mbox : mboxes) {
            for (byte[] raw : Corpus.messages(mbox)) {
                ParsedMail mail = parser.parse(raw, Instant.EPOCH);
                String text = mail.newText();
                String diff = mail.patch().hasDiff() ? text : "";
                String trace = MailMapping.callTrace(text);
                List<String> interfaces = MailMapping.interfaces(diff);
                assertThat(trace).as("call trace of %s", mail.messageId()).isEqualTo(referenceCallTrace(text));
                assertThat(interfaces).as("interfaces of %s", mail.messageId()).isEqualTo(referenceInterfaces(diff));
                List<String> functions = MailMapping.functions(text);
                assertThat(functions).as("functions of %s", mail.messageId()).isEqualTo(referenceFunctions(text));
                withFunctions += functions.isEmpty() ? 0 : 1;
                mails++;
                traces += trace.isEmpty() ? 0 : 1;
                withInterfaces += interfaces.isEmpty() ? 0 : 1;
            }
        }
        assertThat(mails).isGreaterThan(5_000);
        assertThat(traces).as("mails with a call trace").isGreaterThan(50);
        assertThat(withInterfaces).as("diffs adding interfaces").isGreaterThan(10);
        assertThat(withFunctions).as("diffs naming functions in hunk headers").isGreaterThan(1_000);
    }
}
