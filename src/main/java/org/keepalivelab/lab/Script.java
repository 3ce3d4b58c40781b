package org.keepalivelab.lab;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A timed script for a headless run: its steps, when to stop ({@code closed}: once every
 * connection's server application has seen it end; or after a fixed time), and a timeout.
 *
 * @param until {@code null} to stop once every connection has ended, else when to stop
 */
public record Script(List<ScriptStep> steps, Duration until, Duration timeout) {
    /** After the last connection ended, the lab keeps watching this long, for the segments that follow. */
    private static final Duration TAIL = Duration.ofMillis(300);
    /** The seed's story, the steps of a run that gives none: one client connects, says howdy and is killed. */
    public static final List<ScriptStep> SEED_STEPS =
            Stream.of("0s:connect", "0.2s:send 5@all", "1s:kill@all").map(ScriptStep::parse).toList();

    public Script {
        steps = steps.stream().sorted(Comparator.comparing(ScriptStep::at)).toList();
    }

    /**
     * The script of a headless run: {@code steps}, or the {@linkplain #SEED_STEPS seed's} when there are
     * none, with each connect step that gives no count opening {@code clientsPerConnect} clients.
     */
    public static Script of(List<ScriptStep> steps, int clientsPerConnect, Duration until, Duration timeout) {
        return new Script((steps.isEmpty() ? SEED_STEPS : steps).stream()
                .map(step -> step.withClientsPerConnect(clientsPerConnect)).toList(), until, timeout);
    }

    /** How a run ended. */
    public enum Outcome { DONE, TIMED_OUT }

    /**
     * Runs the steps at their times against the lab, then waits as {@code until} says.
     *
     * @throws LabException when a step fails (its message says why)
     */
    public Outcome run(Lab lab) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (var step : steps) {
            sleepUntil(start + step.at().toNanos());
            try {
                step.runOn(lab).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return Outcome.TIMED_OUT;
            } catch (ExecutionException | CompletionException e) {
                var cause = e.getCause();
                throw cause instanceof LabException lab1 ? lab1
                        : new LabException("Step " + step + " failed: " + cause.getMessage(), cause);
            }
        }
        if (until != null) {
            sleepUntil(Math.min(deadline, start + until.toNanos()));
            return until.compareTo(timeout) <= 0 ? Outcome.DONE : Outcome.TIMED_OUT;
        }
        while (!lab.allServersEnded()) {
            if (System.nanoTime() - deadline >= 0) {
                return Outcome.TIMED_OUT;
            }
            Thread.sleep(10);
        }
        Thread.sleep(TAIL.toMillis());
        return Outcome.DONE;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
