package org.keepalivelab.model.store;

import java.nio.file.Path;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.Timeline;

/**
 * What the store's tests run in a JVM of their own. {@code hold PARENT}: opens a directory under
 * PARENT, prints it, and waits to be killed. {@code process}: stores a timeline in this process's
 * directory, prints the directory, and waits for a signal.
 */
public final class StoreChild {
    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "hold" -> System.out.println(StoreDirectory.open(Path.of(args[1])).path());
            case "process" -> {
                var timeline = new Timeline();
                for (int i = 0; i < 10_000; i++) {
                    timeline.appendSegment(i, 1, Direction.C2S, TcpFlags.ACK, i, i, 0, 512, SegmentKind.ACK, false, false);
                }
                System.out.println(StoreDirectory.process().path());
            }
            default -> throw new IllegalArgumentException("no such mode: " + args[0]);
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
