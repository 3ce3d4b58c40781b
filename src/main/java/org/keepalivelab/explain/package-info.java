/**
 * What a run means: when each side of a connection learned that its peer was gone
 * ({@link org.keepalivelab.explain.Detection}), and the story of the connection in plain words
 * ({@link org.keepalivelab.explain.Story}), built by rules from the connection's events.
 *
 * <p>The same vocabulary serves what is measured on the real kernel and, later, what a model of the
 * kernel's timers predicts: a detection says which it is, and a predicted time is a range.
 * Sits above {@code lab} (it reads a connection's settings) and below {@code export} and {@code ui}.
 */
package org.keepalivelab.explain;
