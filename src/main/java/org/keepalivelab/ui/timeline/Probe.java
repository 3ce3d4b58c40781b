package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.Direction;

/** A keep-alive probe as the timeline shows it. */
public record Probe(long t, Direction dir, ProbeAnswer answer, boolean dropped) {
}
