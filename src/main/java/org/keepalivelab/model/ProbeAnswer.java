package org.keepalivelab.model;

/** What came back for a keep-alive probe, by the rule of {@link ProbeAnswers}. */
public enum ProbeAnswer {
    /** An ACK (a keep-alive ACK): the peer's socket is alive. */
    ACK,
    /** A reset: the peer's kernel no longer knows the connection. */
    RST,
    /** Nothing came back, or the probe was lost to a sever. */
    NONE
}
