package org.loredigest.ingest;

import java.util.Set;
import org.loredigest.ingest.domain.source.SourcePolicy;

/**
 * The source policy of tests that build readers themselves: their public-inbox and scripted servers run on
 * 127.0.0.1, which the default policy refuses, so the tests allow exactly that host and loopback, explicitly.
 */
public final class TestPolicy {

    private TestPolicy() {
    }

    public static SourcePolicy loopbackOnly() {
        return new SourcePolicy(new SourcePolicy.Settings(Set.of("127.0.0.1"), true, false, null), SourcePolicy.DNS);
    }
}
