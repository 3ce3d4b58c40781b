package org.keepalivelab.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * Export flows for the window's tests (package ui), through the flow's package-private constructor:
 * the folders of a home of the test's own, and a save step in place of the native chooser.
 */
public final class ExportFlows {
    private ExportFlows() {
    }

    /**
     * @param home    the home folder the chooser's first folder is found in; its .config keeps the last one
     * @param chooser gets the folder the chooser would start in and answers the file (empty: cancelled)
     */
    public static ExportFlow of(TimelineView timeline, Lab lab, Executor io, Path home,
                                Function<Path, Optional<Path>> chooser) {
        return new ExportFlow(timeline, ExportFlow.Source.of(lab), List::of, io, note -> { }, failure -> { },
                ExportFolder.of(home, Map.of()), (owner, folder) -> chooser.apply(folder));
    }

    /** The words the export uses for a time range, as the timeline writes time: "6 min 42 s – 7 min 27 s". */
    public static String range(long from, long to) {
        return ExportText.range(from, to);
    }
}
