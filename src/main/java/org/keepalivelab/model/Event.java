package org.keepalivelab.model;

/**
 * One thing that happened in the lab, on the lab's clock.
 *
 * <p>{@link #t()} is nanoseconds since the lab started, taken from kernel timestamps where the kernel
 * gives one (captured segments) and from {@code CLOCK_REALTIME} otherwise, so both line up.
 * {@link #conn()} is the 1-based connection number, in order of connection.
 */
public sealed interface Event permits SegmentEvent, AppEvent, StateEvent, ActionEvent {

    long t();

    int conn();
}
