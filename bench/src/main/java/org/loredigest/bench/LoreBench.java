package org.loredigest.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints the figures that matter: messages per second per core and the input size.
 * JMH command-line options are accepted (e.g. {@code -wi 2 -i 3 -f 1}); the default is a short run.
 */
public final class LoreBench {

    private LoreBench() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(cli.getIncludes().isEmpty() ? ParseBenchmark.class.getSimpleName() : String.join("|", cli.getIncludes()))
                .threads(1)
                .warmupIterations(cli.getWarmupIterations().orElse(3))
                .warmupTime(cli.getWarmupTime().orElse(org.openjdk.jmh.runner.options.TimeValue.seconds(5)))
                .measurementIterations(cli.getMeasurementIterations().orElse(5))
                .measurementTime(cli.getMeasurementTime().orElse(org.openjdk.jmh.runner.options.TimeValue.seconds(5)))
                .forks(cli.getForkCount().orElse(1))
                .jvmArgsAppend("-Xmx1g", "-Dlore.shared.dir=" + System.getProperty("lore.shared.dir", "../shared"));
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        CorpusInput input = CorpusInput.loreCgroups();
        double bytesPerMessage = (double) input.bytes / input.messages.size();
        System.out.println();
        System.out.println("input: " + input.describe());
        Double baseline = null;
        Double full = null;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (name.endsWith(".mime4jBaseline")) {
                baseline = r.getPrimaryResult().getScore();
            } else if (name.endsWith(".fullParse")) {
                full = r.getPrimaryResult().getScore();
            }
        }
        for (RunResult r : results) {
            double perSecond = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf("%-32s %,10.0f ± %,.0f messages/s on one core (%.1f MB/s)%n",
                    r.getParams().getBenchmark().replace(ParseBenchmark.class.getName() + ".", ""), perSecond,
                    Double.isNaN(error) ? 0 : error, perSecond * bytesPerMessage / 1e6);
        }
        if (baseline != null && full != null) {
            System.out.printf("fullParse / mime4jBaseline = %.2f (full kernel-mail parse against a plain MIME parse, same run)%n",
                    full / baseline);
        }
    }
}
