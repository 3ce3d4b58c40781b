package org.keepalivelab.model;

/** A keep-alive probe a side sent, and what answered it. */
public record Probe(long t, Direction dir, ProbeAnswer answer, boolean dropped) {
}
