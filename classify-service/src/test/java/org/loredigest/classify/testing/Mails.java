package org.loredigest.classify.testing;

import java.nio.charset.StandardCharsets;

/** Small hand-written kernel mails for topology tests. */
public final class Mails {

    private Mails() {
    }

    public static byte[] mail(String id, String from, String date, String subject, String inReplyTo, String references,
                              String body) {
        StringBuilder sb = new StringBuilder();
        sb.append("Message-ID: <").append(id).append(">\n");
        sb.append("From: ").append(from).append('\n');
        sb.append("Date: ").append(date).append('\n');
        sb.append("Subject: ").append(subject).append('\n');
        sb.append("List-Id: <cgroups.vger.kernel.org>\n");
        if (inReplyTo != null) {
            sb.append("In-Reply-To: <").append(inReplyTo).append(">\n");
        }
        if (references != null) {
            sb.append("References:");
            for (String r : references.split(" ")) {
                sb.append(" <").append(r).append('>');
            }
            sb.append('\n');
        }
        sb.append('\n').append(body);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String patchBody(String message, String file) {
        // trailers written by the test join the Signed-off-by paragraph, as in real patches
        String separator = message.lines().reduce((a, b) -> b).orElse("").matches("^[A-Za-z-]+: .*") ? "\n" : "\n\n";
        return message + separator + "Signed-off-by: A Dev <dev@example.org>\n---\n " + file + " | 2 +-\n 1 file changed\n\n"
                + "diff --git a/" + file + " b/" + file + "\nindex 1111111..2222222 100644\n--- a/" + file + "\n+++ b/" + file
                + "\n@@ -10,7 +10,7 @@ static int foo_charge(struct mem_cgroup *memcg)\n context\n context\n context\n-\told();\n"
                + "+\tnew();\n context\n context\n context\n-- \n2.43.0\n";
    }
}
