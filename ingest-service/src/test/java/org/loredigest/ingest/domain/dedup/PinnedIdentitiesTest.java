package org.loredigest.ingest.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.header.RawHeader;

/**
 * Record keys and content digests are identities downstream (topic keys, the duplicate filter's memory, which is
 * refilled from the digests stored with published records): the same bytes must always give the same values. These
 * were computed once and must never change, whatever reads the header.
 */
class PinnedIdentitiesTest {

    private record Pin(String mail, String key, String digest) {
    }

    private static final List<Pin> PINS = List.of(
            pin("plain", "20240301.1@example.org",
                    "sha256:54c9e38b59673bc5bab8d8bfa191ca09a3fd094c1d5d9f1135e684c010ecb22b"),
            pin("crlf, folded, names in any case", "20240301.2@example.org",
                    "sha256:543e44cb7bdb4b67f0b45aa059ef1a26ab8344cc18cb55087715874b40c20a67"),
            pin("8-bit headers, not all UTF-8", "3@example.org",
                    "sha256:b9aa8736f2ea12ab24ec56bd54ba0f46c10b72415376c46a94118a84ce425951"),
            pin("repeated fields, fields in the body", "sha256:b3a1bc8a3536cb13925be6fcd921ecdf341c0f8bfac5eb0807b5ec5ea6b29000",
                    "sha256:086d1eec417a3a74af32b3a1f62ff41d4c02708584e65c8acdd73f21ac29ffcc"),
            pin("a line without colon among the fields", "5@example.org",
                    "sha256:2a754b77aa2a2d5366455076be88688008b02e73ab9e5143c9af455592c268da"),
            pin("mbox From line", "6@example.org",
                    "sha256:feec63400cc74343a21bf6d77d84aacbaea792f4d9d0385d436329039a1f8e94"),
            pin("no body", "7@example.org",
                    "sha256:d964ae5befa1e0e546fa33c703d60199fe004e3b7fb4924409b9b27f128042f4"),
            pin("no header, LF", "sha256:63ce3b9bbe72072039a678f6dcc7b56b7e913914e4bc2fe18e04efeba39a208b",
                    "sha256:2f3899318dbaaa672db80221cf5e873179cc0ad9255aa1ac10d14c525e3bdb53"),
            pin("no header, CRLF", "sha256:2e3e320176eb43d50ea3c01772341b12485ccbd84e808a11109fbe36fed86eba",
                    "sha256:3fcb88872f3560e5ca3dfddcc987a7aa4ec47c0be3e627b375c401e7757b9756"),
            pin("no header, LF then CRLF", "sha256:e7d0802d2f5e45623138b965f059245343a4119a3fe48d01473aa6dc4d80099e",
                    "sha256:3fcb88872f3560e5ca3dfddcc987a7aa4ec47c0be3e627b375c401e7757b9756"),
            pin("odd whitespace", "9@example.org",
                    "sha256:1e317abad88bdaa4c00b4c203f181dcb74eb15296f5b88ac5ffd747e2e607ed9"),
            pin("blank continuation line", "10@example.org",
                    "sha256:9c2cf665fbf040096519fe3c8a155dd689e108a7fe2ef8c6376285406d9bd0bf"),
            pin("starts with a continuation line", "sha256:96087d2014913783fc2d263c8db1175567b2d0265c1d018731887ac5bb9aaefe",
                    "sha256:4807d77ea23a90aa5c971c955b826300c18375aa85dc9e8a663c828321ef45f3"),
            pin("space before the colon", "sha256:05bcdefc48585213b26b293f460a072a20f3e4ce61a17022d4ddce246fb53910",
                    "sha256:d9ab634b5d0f213c838a0bdfcb59504756bd3724b8c2439c3a8497bb32e0ab06"),
            pin("a line of carriage returns", "sha256:5cea7dd8894498d23a3000fe367f574ce65bb3f0d9a7da5d09a8ff3641998008",
                    "sha256:076244ff64d0b844ec644017385b81ab477942492ab9f03cf5757e40fcfd0f6d"),
            pin("broken Message-ID", "14@example.org",
                    "sha256:076244ff64d0b844ec644017385b81ab477942492ab9f03cf5757e40fcfd0f6d"));

    @Test
    void everyPinnedMailKeepsItsKeyAndDigest() {
        Map<String, Pin> pins = PINS.stream().collect(Collectors.toMap(Pin::mail, Function.identity()));
        assertThat(pins.keySet()).containsExactlyInAnyOrderElementsOf(PinnedMails.ALL.stream().map(PinnedMails.Mail::name).toList());
        for (PinnedMails.Mail m : PinnedMails.ALL) {
            Pin pin = pins.get(m.name());
            RawHeader header = RawHeader.scan(m.raw());
            assertThat(RecordKeys.of(header)).as("key of %s", m.name()).isEqualTo(pin.key());
            assertThat(ContentDigest.of(header)).as("digest of %s", m.name()).isEqualTo(pin.digest());
        }
    }

    private static Pin pin(String mail, String key, String digest) {
        return new Pin(mail, key, digest);
    }
}
