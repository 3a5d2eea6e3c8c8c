package org.loredigest.mail.hostile;

/**
 * The ways {@link HostileMail} breaks a real message. Heavy kinds (megabytes of output, or work that grows with
 * depth) get a small weight so that a few thousand mutations stay fast while each kind still turns up.
 */
public enum MutationKind {
    /** Cut at any byte, header included (may leave nothing). */
    TRUNCATED(6),
    /** Wrapped in multipart/mixed, then cut in the middle of the second part. */
    TRUNCATED_MIME(6),
    /** Multipart without its closing boundary, with a boundary that never appears, or with an empty boundary. */
    MISSING_CLOSING_BOUNDARY(6),
    /** An unknown, empty, quoted, absurdly long or ASCII-incompatible charset. */
    BOGUS_CHARSET(6),
    /** RFC 2047 words with bad base64, bad Q escapes, unknown charsets, no terminator, or thousands of them. */
    BROKEN_ENCODED_WORDS(6),
    /** A Subject of 1 MB, on one line or folded. */
    HUGE_SUBJECT(1),
    /** 10,000 Received lines. */
    MANY_RECEIVED(1),
    /** 500 levels of nested multipart. */
    DEEP_MULTIPART(1),
    /** NUL bytes in header names, values and the body. */
    NUL_BYTES(6),
    /** Overlong encodings, lone continuation bytes, surrogates and 0xFF in text declared UTF-8. */
    INVALID_UTF8(6),
    /** Year 99999, negative, garbage, binary, empty, duplicated or missing Date. */
    ABSURD_DATE(6),
    /** A 20 MB body (diff lines, quoted text, or one line without a newline). */
    HUGE_BODY(1),
    /** base64 declared over text that is not base64. */
    BROKEN_BASE64(6),
    /** quoted-printable with bad escapes, a trailing '=' and very long lines. */
    BROKEN_QUOTED_PRINTABLE(6),
    /** No Message-ID, an empty one, {@code <>}, unbalanced brackets or a 100 KB id. */
    MISSING_MESSAGE_ID(6),
    /** Message-ID, From, Subject, Date, Content-Type and Content-Transfer-Encoding twice with different values. */
    DUPLICATE_HEADERS(6),
    /** No blank line (all header), no header (all body), a leading space or binary garbage first. */
    BROKEN_HEADER_SECTION(6),
    /** Random bytes flipped, inserted and deleted. */
    BYTE_NOISE(6),
    /** Line endings: none at all, CR only, or mixed CR, LF and CRLF. */
    LINE_ENDINGS(6),
    /** 5,000 References, a message naming itself, and loops between In-Reply-To and References. */
    REFERENCE_STORM(1),
    /** Body lines that look like mbox separators and quoted separators. */
    MBOX_FROM_LINES(6);

    private final int weight;

    MutationKind(int weight) {
        this.weight = weight;
    }

    /** Relative frequency when kinds are drawn at random. */
    public int weight() {
        return weight;
    }

    /** Meant to leave no readable header section: the one mutation parsers may reject as designed. */
    public boolean breaksHeaderSection() {
        return this == BROKEN_HEADER_SECTION;
    }

    /** May now and then leave no readable header section: a cut inside the first line, stray bytes in a header. */
    public boolean mayBreakHeaderSection() {
        return switch (this) {
            case TRUNCATED, NUL_BYTES, BYTE_NOISE, INVALID_UTF8 -> true;
            default -> false;
        };
    }

    /** Produces megabytes of output: worth checking against size limits, too slow to draw often. */
    public boolean heavy() {
        return weight == 1;
    }
}
