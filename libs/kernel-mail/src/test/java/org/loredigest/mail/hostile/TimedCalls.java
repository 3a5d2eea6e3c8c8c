package org.loredigest.mail.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs calls on a worker thread with a time limit, so a hang is reported as a hang instead of stalling the build.
 *
 * <p>The limit is on the CPU time of the call, so a busy shared build machine that starves the worker does not turn
 * a slow call into a false hang; a call still running after {@link #WALL_FACTOR} times the limit in wall-clock time
 * (blocked, not computing) is a hang too. A call that overruns keeps its (daemon) thread; the next gets a new worker.
 */
public final class TimedCalls implements AutoCloseable {

    static final int WALL_FACTOR = 6;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * What one call did.
     *
     * @param value    its result, or null
     * @param error    what it threw (Errors included), or null
     * @param nanos    wall-clock time
     * @param cpuNanos CPU time of the worker thread (wall-clock time where the JVM does not measure it)
     * @param timedOut it was still running at the limit
     */
    public record Outcome<T>(T value, Throwable error, long nanos, long cpuNanos, boolean timedOut) {

        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        public long cpuMillis() {
            return TimeUnit.NANOSECONDS.toMillis(cpuNanos);
        }
    }

    private ExecutorService worker = newWorker();

    public <T> Outcome<T> call(Callable<T> task, Duration limit) {
        long start = System.nanoTime();
        long[] cpu = {-1, -1}; // thread id and CPU time at the start, written by the worker
        Future<T> future = worker.submit(() -> {
            synchronized (cpu) {
                cpu[0] = Thread.currentThread().threadId();
                cpu[1] = cpuTime(cpu[0]);
            }
            return task.call();
        });
        while (true) {
            try {
                T value = future.get(20, TimeUnit.MILLISECONDS);
                return new Outcome<>(value, null, System.nanoTime() - start, used(cpu, start), false);
            } catch (ExecutionException e) {
                return new Outcome<>(null, e.getCause(), System.nanoTime() - start, used(cpu, start), false);
            } catch (TimeoutException e) {
                long wall = System.nanoTime() - start;
                long used = used(cpu, start);
                if (used > limit.toNanos() || wall > WALL_FACTOR * limit.toNanos()) {
                    future.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                    return new Outcome<>(null, null, wall, used, true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a call", e);
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static long used(long[] cpu, long wallStart) {
        synchronized (cpu) {
            if (cpu[0] < 0) {
                return 0; // not started yet
            }
            long now = cpuTime(cpu[0]);
            return now < 0 || cpu[1] < 0 ? System.nanoTime() - wallStart : now - cpu[1];
        }
    }

    private static long cpuTime(long threadId) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(threadId) : -1;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "timed-call");
            thread.setDaemon(true);
            return thread;
        });
    }
}
