package org.keepalivelab.ui.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.Story;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

/**
 * The window's explanations: made on the explainer's own thread from one connection's events in time
 * order, its settings and its live status; requests faster than four a second coalesced into the latest.
 */
class ExplainerTest {
    private static final long MS = 1_000_000L;

    private final Timeline timeline = new Timeline();
    private final List<ConnectionFacts> asked = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Explanation> delivered = new ArrayBlockingQueue<>(100);
    /** The kernel's settings as a lab would publish them (LabKernel.latest). */
    private volatile KernelSettings published = new KernelSettings("test", 7200, 75, 9, 60, 15, 0, 6);

    @Test
    void theFactsAreTheConnectionsOwnEventsInTimeOrderItsSettingsAndItsLiveStatus() throws Exception {
        timeline.append(new AppEvent(20 * MS, 1, Side.SERVER, AppEventType.READ, 5, null));
        timeline.append(new AppEvent(15 * MS, 2, Side.CLIENT, AppEventType.CONNECTED, 0, null));
        timeline.append(new StateEvent(10 * MS, 1, Side.CLIENT, TcpState.ESTABLISHED, 0, false)); // a little late
        timeline.append(new AppEvent(30 * MS, 1, Side.SERVER, AppEventType.EOF, 0, null));
        try (var explainer = explainer(this::record)) {
            var status = status(1);
            explainer.request(status);
            var made = delivered.poll(5, TimeUnit.SECONDS);

            assertNotNull(made, "an explanation is delivered");
            var facts = asked.getFirst();
            assertEquals(1, facts.conn());
            assertEquals(List.of(10 * MS, 20 * MS, 30 * MS), facts.events().stream().map(Event::t).toList(),
                    "its own events only, sorted by time");
            assertEquals(LabSettings.seed(), facts.settings().orElseThrow());
            assertSame(status, facts.live().orElseThrow(), "the live status while the lab runs");
            assertEquals(777 * MS, facts.now(), "made at the lab's time");
            assertSame(published, facts.kernel(), "the kernel's settings as the lab published them");
            assertEquals(List.of(Explainer.THREAD), threads, "on the explainer's own thread");
        }
    }

    @Test
    void aBurstOfRequestsRunsTheRulesAtMostFourTimesASecondAndEndsWithTheLatest() throws Exception {
        try (var explainer = explainer(this::record)) {
            long start = System.nanoTime();
            for (int i = 0; i < 120; i++) { // every 10 ms for 1.2 s, as fast as events could change
                explainer.request(status(1 + i % 3));
                Thread.sleep(10);
            }
            long took = System.nanoTime() - start;
            explainer.request(status(9));
            var last = awaitConn(9);

            assertEquals(9, last.story().conn(), "the latest request is the one explained last");
            long allowed = took / Explainer.MIN_GAP_NANOS + 2;
            assertTrue(asked.size() <= allowed, asked.size() + " runs in " + took / MS + " ms, at most " + allowed);
            assertTrue(asked.size() >= 3, "but it keeps up: " + asked.size() + " runs");
        }
    }

    @Test
    void eachExplanationTakesTheKernelsSettingsTheLabPublishedLast() throws Exception {
        try (var explainer = explainer(this::record)) {
            explainer.request(status(1));
            assertEquals(9, delivered.poll(5, TimeUnit.SECONDS) == null ? -1 : asked.getLast().kernel().keepaliveProbes());
            published = new KernelSettings("test", 7200, 75, 4, 60, 15, 0, 6); // as the Lab kernel card sets one
            explainer.request(status(1));
            assertNotNull(delivered.poll(5, TimeUnit.SECONDS), "explained again");
            assertEquals(4, asked.getLast().kernel().keepaliveProbes(), "the new count, not the first one kept");
        }
    }

    @Test
    void aFailureOfTheRulesIsHandedBackNotLost() throws Exception {
        var failures = new ArrayBlockingQueue<RuntimeException>(1);
        try (var explainer = Explainer.ofLab(timeline, () -> 0, () -> 1, () -> published, facts -> {
            throw new IllegalStateException("no rule for this");
        }, Runnable::run, delivered::add, failures::add)) {
            explainer.request(status(1));
            assertEquals("no rule for this", failures.poll(5, TimeUnit.SECONDS).getMessage());
        }
    }

    private Explanation record(ConnectionFacts facts) {
        asked.add(facts);
        threads.add(Thread.currentThread().getName());
        return new Explanation(List.of(), new Story(facts.conn(), List.of()));
    }

    private Explainer<ConnectionStatus> explainer(Function<ConnectionFacts, Explanation> rules) {
        return Explainer.ofLab(timeline, () -> 777 * MS, () -> 1, () -> published, rules, Runnable::run, delivered::add, e -> {
            throw e;
        });
    }

    private Explanation awaitConn(int conn) throws InterruptedException {
        while (true) {
            var made = delivered.poll(5, TimeUnit.SECONDS);
            assertNotNull(made, "connection " + conn + " explained");
            if (made.story().conn() == conn) {
                return made;
            }
        }
    }

    private static ConnectionStatus status(int conn) {
        return new ConnectionStatus(conn, 40000 + conn, LabSettings.seed(), "", Holding.OPEN, Holding.OPEN, false, SideStatus.UNKNOWN,
                SideStatus.UNKNOWN, Set.of());
    }
}
