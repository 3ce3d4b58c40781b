package org.keepalivelab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time spent so far, in nanoseconds, by one thread of this JVM or by another process. */
final class CpuTime {
    /** USER_HZ, the unit of {@code /proc/PID/stat}'s times (proc(5)); asked of the system once. */
    private static long ticksPerSecond;

    private CpuTime() {
    }

    /** The named thread's user and system time (ThreadMXBean: the thread's own clock, CLOCK_THREAD_CPUTIME_ID). */
    static long ofThread(Thread thread) {
        long nanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
        if (nanos < 0) {
            throw new IllegalStateException("No CPU time for thread '" + thread.getName() + "' (has it ended?)");
        }
        return nanos;
    }

    /** A live thread of this JVM by its exact name. */
    static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No thread named '" + name + "' in this JVM"));
    }

    /**
     * The process's utime + stime, fields 14 and 15 of {@code /proc/PID/stat} (proc(5)), counted from
     * after the command name's closing parenthesis, since the name itself may hold spaces.
     */
    static long ofProcess(long pid) throws IOException, InterruptedException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / ticksPerSecond();
    }

    private static synchronized long ticksPerSecond() throws IOException, InterruptedException {
        if (ticksPerSecond == 0) {
            var getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor() != 0 || !answer.matches("[1-9][0-9]*")) {
                throw new IOException("getconf CLK_TCK did not give the clock ticks per second: " + answer);
            }
            ticksPerSecond = Long.parseLong(answer);
        }
        return ticksPerSecond;
    }
}
