package org.keepalivelab.explain;

import java.util.List;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.linux.KernelSettings;

/**
 * The explanations of a run that is over, made once, when its first export asks: the event log, the
 * printed stories and the PNG of one run then tell the same story, made at the same moment, and the
 * rules run once, not once per export.
 */
public final class RunExplanations {
    private List<Explanation> made;

    /** Every connection's explanation, in order of connection; {@code lab} is the same on every call. */
    public synchronized List<Explanation> of(Lab lab) {
        if (made == null) {
            made = LabFacts.explainFinished(lab, KernelSettings.read());
        }
        return made;
    }
}
