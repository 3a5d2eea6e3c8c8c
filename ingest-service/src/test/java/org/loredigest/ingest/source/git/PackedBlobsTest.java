package org.loredigest.ingest.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every blob read from the packs must equal what JGit reads, in both delta directions git writes. */
class PackedBlobsTest {

    private static final int MESSAGES = 300;

    @TempDir
    Path dir;

    @Test
    void readsFastImportedAndRepackedEpochsByteForByteLikeJGit() throws Exception {
        Path gitDir = dir.resolve("0.git");
        run("git", "init", "--quiet", "--bare", gitDir.toString());
        fastImport(gitDir);
        assertSameAsJGit(gitDir); // each message a delta on the one before (public-inbox, git fast-import)
        git(gitDir, "repack", "-adfq", "--window=20", "--depth=50");
        assertSameAsJGit(gitDir); // older messages deltas on newer ones (git repack, clones)
    }

    @Test
    void leavesLooseObjectsAndOversizedBlobsToJGit() throws Exception {
        Path gitDir = dir.resolve("0.git");
        run("git", "init", "--quiet", "--bare", gitDir.toString());
        fastImport(gitDir);
        Path loose = dir.resolve("loose.eml");
        java.nio.file.Files.writeString(loose, "Subject: not packed\n\nbody\n");
        ObjectId looseId = ObjectId.fromString(git(gitDir, "hash-object", "-w", loose.toString()).trim());
        List<ObjectId> blobs = messageBlobs(gitDir);
        try (PackedBlobs packed = PackedBlobs.open(gitDir.toFile())) {
            assertThat(packed.blob(looseId, 1 << 20)).isNull();
            assertThat(packed.blob(blobs.get(MESSAGES - 1), 100)).isNull();
            assertThat(packed.blob(blobs.get(MESSAGES - 1), 1 << 20)).isNotNull();
        }
    }

    private static void assertSameAsJGit(Path gitDir) throws IOException {
        List<ObjectId> blobs = messageBlobs(gitDir);
        assertThat(blobs).hasSize(MESSAGES);
        try (Repository repo = open(gitDir); ObjectReader reader = repo.newObjectReader();
             PackedBlobs packed = PackedBlobs.open(gitDir.toFile())) {
            for (ObjectId blob : blobs) {
                assertThat(packed.blob(blob, 1 << 20)).as(blob.name())
                        .isEqualTo(reader.open(blob).getCachedBytes(1 << 20));
            }
        }
    }

    private static List<ObjectId> messageBlobs(Path gitDir) throws IOException {
        List<ObjectId> blobs = new ArrayList<>();
        try (Repository repo = open(gitDir); RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/master")));
            for (RevCommit commit : walk) {
                try (TreeWalk tree = TreeWalk.forPath(repo, "m", commit.getTree())) {
                    blobs.add(tree.getObjectId(0));
                }
            }
        }
        return blobs;
    }

    /** A thread where each reply quotes the previous message, so consecutive blobs make good deltas. */
    private static void fastImport(Path gitDir) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        StringBuilder quoted = new StringBuilder();
        for (int i = 1; i <= MESSAGES; i++) {
            String body = "Reply " + i + ": " + "the page allocator ".repeat(1 + i % 7) + "\n";
            byte[] message = ("From: dev" + i % 5 + " <d@kernel.org>\nSubject: Re: [PATCH] mm: thread\nMessage-ID: <"
                    + i + "@x>\n\n" + body + quoted).getBytes(StandardCharsets.UTF_8);
            quoted.insert(0, "> " + body);
            if (quoted.length() > 20_000) {
                quoted.setLength(20_000);
            }
            long time = 1_700_000_000L + i;
            stream.writeBytes(("commit refs/heads/master\nauthor a <a@x> " + time + " +0000\ncommitter a <a@x> " + time
                    + " +0000\ndata 2\nm\ndeleteall\nM 100644 inline m\ndata " + message.length + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            stream.writeBytes(message);
            stream.write('\n');
        }
        stream.writeBytes("done\n".getBytes(StandardCharsets.US_ASCII));
        Process importer = new ProcessBuilder("git", "--git-dir=" + gitDir, "fast-import", "--quiet", "--done")
                .redirectErrorStream(true).start();
        try (OutputStream in = importer.getOutputStream()) {
            stream.writeTo(in);
        }
        importer.getInputStream().readAllBytes();
        assertThat(importer.waitFor()).isZero();
    }

    private static String git(Path gitDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }
}
