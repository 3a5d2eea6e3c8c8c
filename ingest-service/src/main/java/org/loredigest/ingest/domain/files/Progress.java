package org.loredigest.ingest.domain.files;

import java.time.Duration;

/**
 * One line of import progress: a bar when the total is known, messages, MB, rate and ETA, e.g.
 * {@code [#########...........]  45%  1,234 msgs  12.3/27.1 MB  2.1 MB/s  410 msg/s  ETA 0:07}.
 */
public final class Progress {

    private static final int BAR_WIDTH = 24;

    private Progress() {
    }

    /**
     * @param bytesRead  input bytes consumed so far
     * @param totalBytes input size, or 0 when unknown
     * @param messages   messages handled so far
     * @param elapsed    time since the start
     */
    public static String line(long bytesRead, long totalBytes, long messages, Duration elapsed) {
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        double mbPerSecond = bytesRead / 1e6 / seconds;
        StringBuilder line = new StringBuilder();
        if (totalBytes > 0) {
            double done = Math.min(1.0, (double) bytesRead / totalBytes);
            int filled = (int) Math.round(done * BAR_WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format("%3d%%  ", Math.round(done * 100)));
        }
        line.append(String.format("%,d msgs  ", messages));
        line.append(totalBytes > 0 ? String.format("%.1f/%.1f MB  ", bytesRead / 1e6, totalBytes / 1e6)
                : String.format("%.1f MB  ", bytesRead / 1e6));
        line.append(String.format("%.1f MB/s  %.0f msg/s", mbPerSecond, messages / seconds));
        if (totalBytes > 0 && bytesRead > 0 && bytesRead < totalBytes) {
            long eta = Math.round((totalBytes - bytesRead) / (bytesRead / seconds));
            line.append(String.format("  ETA %d:%02d", eta / 60, eta % 60));
        }
        return line.toString();
    }
}
