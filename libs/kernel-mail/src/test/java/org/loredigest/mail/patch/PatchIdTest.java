package org.loredigest.mail.patch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected ids were produced with {@code git patch-id --stable} (git 2.x) on the same text. */
class PatchIdTest {

    private static final String TWO_FILES = """
            subject line

            Signed-off-by: A <a@example.org>
            ---
             a.c | 2 +-
             b.c | 1 +
            diff --git a/a.c b/a.c
            index 1111111..2222222 100644
            --- a/a.c
            +++ b/a.c
            @@ -1,3 +1,3 @@
             int a;
            -int b;
            +int  b = 1;
             int c;
            diff --git a/b.c b/b.c
            new file mode 100644
            index 0000000..3333333
            --- /dev/null
            +++ b/b.c
            @@ -0,0 +1 @@
            +int d;
            \\ No newline at end of file
            --\s
            2.43.0
            """;

    private static final String SWAPPED = """
            diff --git a/b.c b/b.c
            new file mode 100644
            index 0000000..3333333
            --- /dev/null
            +++ b/b.c
            @@ -0,0 +1 @@
            +int d;
            \\ No newline at end of file
            diff --git a/a.c b/a.c
            index 1111111..2222222 100644
            --- a/a.c
            +++ b/a.c
            @@ -10,3 +10,3 @@ other context
             int a;
            -int b;
            +int b = 1;
             int c;
            """;

    @Test
    void stableIdIgnoresFileOrderWhitespaceAndLineNumbers() {
        String id = PatchId.of(TWO_FILES);
        assertThat(id).isEqualTo("4f5a1ad241a4e2ff17b7419f4c8cf4fcb9a76999");
        assertThat(PatchId.of(SWAPPED)).isEqualTo(id);
    }

    @Test
    void noDiffNoId() {
        assertThat(PatchId.of("just words\n--- not a diff\n")).isNull();
    }

    @Test
    void parserSummarisesTheDiff() {
        PatchInfo info = PatchParser.parse(TWO_FILES);
        assertThat(info.format()).isEqualTo(DiffFormat.GIT);
        assertThat(info.files()).extracting(FileChange::path).containsExactly("a.c", "b.c");
        assertThat(info.files()).extracting(FileChange::type).containsExactly(ChangeType.MODIFIED, ChangeType.ADDED);
        assertThat(info.insertions()).isEqualTo(2);
        assertThat(info.deletions()).isEqualTo(1);
        assertThat(info.patchId()).isEqualTo(PatchId.of(TWO_FILES));
    }

    @Test
    void plainUnifiedDiffAndRename() {
        PatchInfo plain = PatchParser.parse("""
                Index: linux/mm/x.c
                ===================================================================
                --- linux.orig/mm/x.c
                +++ linux/mm/x.c
                @@ -1,2 +1,2 @@
                -a
                +b
                 c
                """);
        assertThat(plain.format()).isEqualTo(DiffFormat.UNIFIED);
        assertThat(plain.files()).extracting(FileChange::path).containsExactly("mm/x.c");
        assertThat(plain.patchId()).isNull();

        PatchInfo rename = PatchParser.parse("""
                diff --git a/old/name.c b/new/name.c
                similarity index 100%
                rename from old/name.c
                rename to new/name.c
                diff --git a/bin.dat b/bin.dat
                index 1111111..2222222 100644
                GIT binary patch
                literal 4
                LcmZ?wWB>yI0RR91

                literal 0
                HcmV?d00001

                """);
        assertThat(rename.files()).extracting(FileChange::type).containsExactly(ChangeType.RENAMED, ChangeType.MODIFIED);
        assertThat(rename.files().get(0).oldPath()).isEqualTo("old/name.c");
        assertThat(rename.files().get(1).binary()).isTrue();
        assertThat(rename.binary()).isTrue();
    }
}
