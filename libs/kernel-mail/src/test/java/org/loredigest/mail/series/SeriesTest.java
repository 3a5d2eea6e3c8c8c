package org.loredigest.mail.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.testing.Corpus;
import org.loredigest.mail.trailer.Trailer;

class SeriesTest {

    private static final MailParser PARSER = new MailParser();
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeAll
    static void corpusPresent() {
        assumeTrue(Corpus.available());
    }

    /** damon_vN.mbox is one `git format-patch` posting of DAMON vN: one revision, version N, all m patches. */
    @Test
    void damonFormatPatchPostingsGiveTheirVersionAndPatchCount() {
        Pattern name = Pattern.compile("damon_v(\\d+)\\.mbox");
        List<SeriesRevision> revisions = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (Path mbox : Corpus.mboxes("damon-format-patch")) {
            Matcher m = name.matcher(mbox.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            int version = Integer.parseInt(m.group(1));
            List<ParsedMail> mails = parse(mbox);
            List<SeriesRevision> found = SeriesAssembler.revisions(mails);
            assertThat(found).as(mbox.getFileName().toString()).hasSize(1);
            SeriesRevision r = found.get(0);
            assertThat(r.version()).as(mbox.getFileName().toString()).isEqualTo(version);
            assertThat(r.coverMessageId()).isNotNull();
            assertThat(r.patches()).hasSize(r.expectedPatches()).hasSize(mails.size() - 1);
            assertThat(r.complete()).isTrue();
            assertThat(r.patches().get(0).patchId()).isNotNull();
            assertThat(r.title()).isEqualTo("Introduce Data Access MONitor (DAMON)");
            revisions.add(r);
            versions.add(version);
        }
        assertThat(versions).hasSize(32).contains(1, 2, 24, 34).doesNotContain(3, 17);
        SeriesRevision v1 = revisions.get(versions.indexOf(1));
        assertThat(v1.expectedPatches()).isEqualTo(8);
        SeriesRevision v34 = revisions.get(versions.indexOf(34));
        assertThat(v34.expectedPatches()).isEqualTo(13);

        List<Series> series = SeriesLinker.link(revisions);
        assertThat(series).hasSize(1);
        assertThat(series.get(0).versions()).isSorted().hasSize(32);
        assertThat(series.get(0).latest().version()).isEqualTo(34);
    }

    /**
     * "[PATCH 0/4] Convert memcontrol charge moving to use folios" (Matthew Wilcox, Jan 2024): Acked-by from Shakeel
     * Butt and Michal Hocko on the cover letter apply to all four patches; Muchun Song reviewed each patch; Johannes
     * Weiner acked 3/4 and Roman Gushchin reviewed 4/4 (checked against the raw mbox by In-Reply-To).
     */
    @Test
    void reviewedCgroupsSeriesCarriesTheRightTrailersOnTheRightPatches() {
        List<ParsedMail> mails = parse(Corpus.corpus().resolve("lore-cgroups/cgroups-2024-01.mbox"));
        SeriesRevision r = SeriesAssembler.revisions(mails).stream()
                .filter(x -> x.revisionId().equals("20240111181219.3462852-1-willy@infradead.org")).findFirst().orElseThrow();
        assertThat(r.title()).isEqualTo("Convert memcontrol charge moving to use folios");
        assertThat(r.patches()).hasSize(4);
        assertThat(emails(r.coverFollowUps())).containsExactlyInAnyOrder("shakeelb@google.com", "mhocko@suse.com");
        for (SeriesPatch p : r.patches()) {
            assertThat(emails(p.followUpTrailers())).as("patch %d", p.part())
                    .contains("shakeelb@google.com", "mhocko@suse.com", "muchun.song@linux.dev");
        }
        assertThat(emails(r.patch(1).followUpTrailers())).doesNotContain("hannes@cmpxchg.org", "roman.gushchin@linux.dev");
        assertThat(emails(r.patch(3).followUpTrailers())).contains("hannes@cmpxchg.org").doesNotContain("roman.gushchin@linux.dev");
        assertThat(emails(r.patch(4).followUpTrailers())).contains("roman.gushchin@linux.dev").doesNotContain("hannes@cmpxchg.org");
        assertThat(r.patch(4).followUpTrailers()).filteredOn(t -> t.personEmail().equals("roman.gushchin@linux.dev"))
                .extracting(Trailer::name).containsExactly("Reviewed-by");
        assertThat(r.status()).isEqualTo(ReviewStatus.REVIEWED);
        assertThat(r.reviewers()).contains("muchun.song@linux.dev", "hannes@cmpxchg.org", "roman.gushchin@linux.dev");
        assertThat(r.timeToFirstReview()).isPositive().isLessThan(Duration.ofDays(1));
    }

    @Test
    void revisionsOfOneSeriesInSeparateThreadsAreLinked() {
        List<ParsedMail> mails = parse(Corpus.corpus().resolve("lore-cgroups/cgroups-2024-01.mbox"));
        List<Series> series = SeriesLinker.link(SeriesAssembler.revisions(mails));
        Series btf = series.stream().filter(s -> s.title().equals("Annotate kfuncs in .BTF_ids section")).findFirst().orElseThrow();
        assertThat(btf.versions()).containsExactly(1, 2, 3, 4);
        assertThat(btf.revisions()).extracting(SeriesRevision::threadRootId).doesNotHaveDuplicates();
    }

    private static List<String> emails(List<Trailer> trailers) {
        return trailers.stream().map(Trailer::personEmail).toList();
    }

    private static List<ParsedMail> parse(Path mbox) {
        return Corpus.read(mbox).stream().map(m -> PARSER.parse(m.raw(), RECEIVED)).toList();
    }
}
