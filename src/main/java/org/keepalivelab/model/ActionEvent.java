package org.keepalivelab.model;

/**
 * What the user or the script did.
 *
 * @param action {@code connect}, {@code send}, {@code reply}, {@code close}, {@code kill}, {@code abort},
 *               {@code sever} or {@code restore}
 * @param args   its arguments in the script's words ({@code "5"}, {@code "c2s"}), or empty
 */
public record ActionEvent(long t, int conn, String action, String args) implements Event {
}
