package org.keepalivelab.explain;

/** Where a detection or a sentence of a story comes from. */
public enum Basis {
    /** Measured from the events of a run on the real kernel, or of a capture. */
    MEASURED,
    /** Predicted by a model of the kernel's timers, with a range. */
    PREDICTED
}
