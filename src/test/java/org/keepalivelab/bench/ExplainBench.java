package org.keepalivelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.LabFacts;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.Timeline;

/**
 * One refresh of the story panel's facts, as the window's {@code ui-explain} thread makes it up to four
 * times a second: the selected connection's facts from the lab's timeline ({@link LabFacts}), then its
 * explanation by the rules, on the draw group's timeline (1,000 connections, 1,000,000 events). Before
 * each timed refresh the connection's probe and its answer are appended, as a live lab appends them,
 * so the refresh also takes in what is new. The first refresh, which indexes the whole timeline, is
 * timed on its own; the rest after a warm-up ({@link #WARMUP}).
 */
final class ExplainBench {
    /** The connection explained: every 50th is severed (dropped probes, RST, timeout), the richest story. */
    private static final int CONN = 50;
    private static final int WARMUP = 20;
    private static final int REFRESHES = 100;

    private ExplainBench() {
    }

    static List<Figure> run(Timeline timeline, int connections) {
        var status = new ConnectionStatus(CONN, 40_000 + CONN, LabSettings.seed(), "", Holding.OPEN, Holding.OPEN, false,
                SideStatus.UNKNOWN, SideStatus.UNKNOWN, Set.of());
        var kernel = KernelSettings.read();
        var facts = new LabFacts(timeline); // as the window's explainer keeps it, on its one thread
        long now = timeline.t(timeline.size() - 1);
        var figures = new ArrayList<Figure>();
        long start = System.nanoTime();
        int held = facts.live(status, connections, kernel, now).events().size();
        figures.add(new Figure("explain.first_refresh", (System.nanoTime() - start) / 1e6, "ms", "-"));
        long[] factsTimes = new long[REFRESHES];
        long[] explained = new long[REFRESHES];
        for (int i = -WARMUP; i < REFRESHES; i++) {
            now += 250_000_000L;
            timeline.append(new SegmentEvent(now, CONN, Direction.C2S, TcpFlags.ACK, 1_000, 900_001, 0, 65_483,
                    SegmentKind.KEEPALIVE, false));
            timeline.append(new SegmentEvent(now + 40_000, CONN, Direction.S2C, TcpFlags.ACK, 900_000, 1_001, 0, 65_483,
                    SegmentKind.KEEPALIVE_ACK, false));
            long t0 = System.nanoTime();
            var made = facts.live(status, connections, kernel, now);
            long t1 = System.nanoTime();
            Explanation.of(made);
            long t2 = System.nanoTime();
            if (i >= 0) {
                factsTimes[i] = t1 - t0;
                explained[i] = t2 - t0;
            }
        }
        figures.add(new Figure("explain.refresh_facts.p50", DrawBench.percentile(factsTimes, 50) / 1e6, "ms", "-"));
        figures.add(new Figure("explain.refresh.p50", DrawBench.percentile(explained, 50) / 1e6, "ms", "-"));
        figures.add(new Figure("explain.refresh.p99", DrawBench.percentile(explained, 99) / 1e6, "ms", "-"));
        figures.add(new Figure("explain.connection_events", held, "events", "-"));
        figures.add(new Figure("explain.timeline_events", timeline.size(), "events", "-"));
        return figures;
    }
}
