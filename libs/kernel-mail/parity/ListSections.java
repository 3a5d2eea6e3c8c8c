import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.maintainers.Maintainers;
import org.loredigest.mail.maintainers.SubsystemMatch;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/**
 * Writes every file touched by the patches of an mbox directory, and the MAINTAINERS sections kernel-mail gives
 * for each (most specific first), in the same shape as get_maintainer.pl --sections.
 * Usage: java -cp ... ListSections.java MAINTAINERS MBOX_DIR FILES_OUT SECTIONS_OUT
 */
public class ListSections {
    public static void main(String[] args) throws Exception {
        Maintainers maintainers = Maintainers.load(Path.of(args[0]));
        MailParser parser = new MailParser();
        TreeSet<String> files = new TreeSet<>();
        try (var mboxes = Files.list(Path.of(args[1]))) {
            for (Path mbox : mboxes.filter(p -> p.toString().endsWith(".mbox")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(mbox)) {
                    for (MboxMessage m : (Iterable<MboxMessage>) new MboxReader(in).stream()::iterator) {
                        ParsedMail mail = parser.parse(m.raw(), Instant.EPOCH);
                        if (mail.patch() != null) {
                            mail.patch().files().forEach(f -> files.add(f.path()));
                        }
                    }
                }
            }
        }
        Files.write(Path.of(args[2]), files);
        try (PrintWriter out = new PrintWriter(args[3])) {
            for (String file : files) {
                out.println("== " + file);
                for (SubsystemMatch s : maintainers.forFiles(List.of(file))) {
                    out.println(s.name());
                }
            }
        }
    }
}
