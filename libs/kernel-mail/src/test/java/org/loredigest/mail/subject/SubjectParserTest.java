package org.loredigest.mail.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectParserTest {

    @Test
    void versionAndCounters() {
        ParsedSubject s = SubjectParser.parse("[PATCH v3 2/7] mm: memcg: fix   the\tthing");
        assertThat(s.patch()).isTrue();
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.versionExplicit()).isTrue();
        assertThat(s.part()).isEqualTo(2);
        assertThat(s.total()).isEqualTo(7);
        assertThat(s.title()).isEqualTo("mm: memcg: fix the thing");
        assertThat(s.normalizedTitle()).isEqualTo("mm memcg fix the thing");
        assertThat(s.patchPosting()).isTrue();
    }

    @Test
    void gluedVersion() {
        ParsedSubject s = SubjectParser.parse("[PATCHv2] cgroup: foo");
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.prefixes()).containsExactly("PATCH", "v2");
        assertThat(s.part()).isEqualTo(1);
        assertThat(s.countersExplicit()).isFalse();
    }

    @Test
    void rfcWithTreeAndCover() {
        ParsedSubject s = SubjectParser.parse("[RFC PATCH net-next 0/4] net: something");
        assertThat(s.rfc()).isTrue();
        assertThat(s.patch()).isTrue();
        assertThat(s.tags()).containsExactly("net-next");
        assertThat(s.coverLetterNumber()).isTrue();
        assertThat(s.total()).isEqualTo(4);
    }

    @Test
    void stableReview() {
        ParsedSubject s = SubjectParser.parse("[PATCH 6.6 043/116] mm: fix something");
        assertThat(s.tags()).containsExactly("6.6");
        assertThat(s.part()).isEqualTo(43);
        assertThat(s.total()).isEqualTo(116);
    }

    @Test
    void resendAndSeveralGroups() {
        ParsedSubject s = SubjectParser.parse("[RFC][PATCH RESEND v2 1/3] x86: y");
        assertThat(s.rfc()).isTrue();
        assertThat(s.resend()).isTrue();
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.title()).isEqualTo("x86: y");
    }

    @Test
    void nestedBrackets() {
        ParsedSubject s = SubjectParser.parse("[PATCH [v2] 1/3] foo");
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.title()).isEqualTo("foo");
    }

    @Test
    void repliesAndForwards() {
        ParsedSubject re = SubjectParser.parse("Re: RE: [PATCH v2 1/3] foo");
        assertThat(re.reply()).isTrue();
        assertThat(re.patchPosting()).isFalse();
        assertThat(re.version()).isEqualTo(2);
        assertThat(SubjectParser.parse("AW: [PATCH] foo").reply()).isTrue();
        assertThat(SubjectParser.parse("Fwd: [syzbot] bar").forward()).isTrue();
        assertThat(SubjectParser.parse("mm: fix re: comment").reply()).isFalse();
    }

    @Test
    void decimalVersionsPullsAndBotTags() {
        assertThat(SubjectParser.parse("[RFC v15.1 0/8] DAMOS").version()).isEqualTo(15);
        assertThat(SubjectParser.parse("[RFC v15.1 0/8] DAMOS").versionLabel()).isEqualTo("v15.1");
        assertThat(SubjectParser.parse("[GIT PULL] cgroup fixes for v6.8-rc7").gitPull()).isTrue();
        ParsedSubject lkp = SubjectParser.parse("[linus:master] [mm]  8d59d2214c:  vm-scalability.throughput -36.6% regression");
        assertThat(lkp.tags()).containsExactly("linus:master", "mm");
        assertThat(lkp.title()).isEqualTo("8d59d2214c: vm-scalability.throughput -36.6% regression");
        assertThat(SubjectParser.parse("=?utf-8?Q?Re=3A_=5BPATCH=5D_f=C3=B6o?=").title()).isEqualTo("föo");
    }

    @Test
    void aMegabyteOfMarkersOrGroupsIsReadInLinearTime() {
        // each marker used to copy the rest of the subject: a megabyte of "Re: " took minutes
        long start = System.nanoTime();
        ParsedSubject replies = SubjectParser.parse("Re: ".repeat(262_144) + "[PATCH] mm: fix");
        ParsedSubject groups = SubjectParser.parse("[PATCH 1/2] ".repeat(87_000) + "mm: fix");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(replies.reply()).isTrue();
        assertThat(replies.title()).isEqualTo("mm: fix");
        assertThat(groups.title()).isEqualTo("mm: fix");
        assertThat(groups.total()).isEqualTo(2);
    }
}
