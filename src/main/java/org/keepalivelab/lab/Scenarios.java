package org.keepalivelab.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gallery: the confusions people keep reporting about dead-peer detection, each a scenario with
 * timers shortened to seconds ({@code docs/scenarios.md} says what each shows and why the kernel does
 * it). Each has a real-kernel test ({@code ScenariosKernelTest}) pinning its outcome.
 */
public final class Scenarios {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Every scenario, in the gallery's order. */
    public static final List<Scenario> ALL = List.of(
            new Scenario("seed-kill",
                    "My server enables keep-alive and the client is gone: why does tcpdump still show probes, "
                            + "and when does my read end?",
                    "The killed client's kernel sends FIN; the read-once server sits in CLOSE_WAIT and keeps "
                            + "probing; the client's orphan answers until its lifetime ends; the next probe draws RST.",
                    List.of("server-policy read-once", "server-keepalive 5,5", "orphan-lifetime 18",
                            "0s:connect", "0.2s:send 5", "1s:kill"),
                    null, TIMEOUT),
            new Scenario("sever",
                    "The peer's host vanished (cable, power): what does keep-alive do?",
                    "Three unanswered probes one second apart, then RST and ETIMEDOUT, idle + count × interval "
                            + "after the last segment received.",
                    List.of("server-policy read-keep", "server-keepalive 2,1,3",
                            "0s:connect", "0.2s:send 5", "1s:sever"),
                    null, TIMEOUT),
            new Scenario("keepalive-off",
                    "The peer's host vanished and nobody enabled keep-alive: when do we find out?",
                    "Nothing is ever sent and nothing is ever learned: an idle connection without keep-alive "
                            + "outlives its peer for ever.",
                    List.of("server-policy read-keep", "server-keepalive off",
                            "0s:connect", "0.2s:send 5", "1s:sever"),
                    Duration.ofSeconds(12), TIMEOUT),
            new Scenario("data-in-flight",
                    "A write was pending when the network died: why did keep-alive never fire?",
                    "Retransmissions with back-off and not one keep-alive, ETIMEDOUT after tcp_retries2 (the lab's "
                            + "own, lowered to 5); beside it TCP_USER_TIMEOUT 3 s ends the same much earlier.",
                    List.of("server-policy read-keep", "server-keepalive off", "client-keepalive 2,1,3",
                            "0s:connect label=\"tcp_retries2 5\"",
                            "0s:connect client-user-timeout=3000 label=\"user timeout 3 s\"",
                            "0.2s:send 5@all", "1s:sever@all", "1.5s:send 5@all"),
                    List.of(LabSysctl.parse("tcp_retries2=5")), Duration.ofSeconds(17), TIMEOUT),
            new Scenario("user-timeout-trap",
                    "I set TCP_USER_TIMEOUT below keep-alive's interval × count: why did it die so early?",
                    "With a 3 s user timeout the connection dies at the first keep-alive timer after it, "
                            + "after one probe; beside it the same keep-alive without one sends all five.",
                    List.of("server-policy read-keep", "server-keepalive 2,2,5",
                            "0s:connect server-user-timeout=3000 label=\"user timeout 3 s\"",
                            "0s:connect label=\"no user timeout\"",
                            "0.2s:send 5@all", "1s:sever@all"),
                    null, TIMEOUT),
            new Scenario("peer-reboot",
                    "The peer's host rebooted and came back without the connection: what happens?",
                    "The client's kernel forgot the connection while the network was down; the next probe "
                            + "after the restore draws RST from it, and the server reads 'Connection reset'.",
                    List.of("server-policy read-keep", "server-keepalive 3,1,3",
                            "0s:connect", "0.2s:send 5", "1s:sever", "1.5s:abort", "2s:restore"),
                    null, TIMEOUT),
            new Scenario("middlebox-idle",
                    "A NAT or load balancer drops idle connections: which keep-alive keeps mine alive?",
                    "An 8 s idle timeout: probing every 5 s keeps the connection; idle 12 s finds it silently "
                            + "dead (unanswered probes, ETIMEDOUT); a middlebox that resets instead makes it fail at once.",
                    List.of("server-policy read-keep",
                            "0s:connect server-keepalive=5,5,3 label=\"every 5 s\"",
                            "0s:connect server-keepalive=12,2,3 label=\"idle 12 s, drop\"",
                            "0s:connect server-keepalive=12,2,3 label=\"idle 12 s, reset\"",
                            "0.2s:send 5@all", "0.3s:sever-idle 8@1", "0.3s:sever-idle 8@2",
                            "0.3s:sever-idle 8 reset@3"),
                    Duration.ofSeconds(22), TIMEOUT),
            new Scenario("half-close",
                    "My client shut down its output and my socket sits in FIN_WAIT2: why does it never go away?",
                    "A half-closed socket its application still holds has no FIN_WAIT2 timer and stays for ever; "
                            + "a killed client's orphan lives its lifetime, then the next probe draws RST.",
                    List.of("server-policy read-once", "server-keepalive 3,3",
                            "0s:connect label=half-closed", "0s:connect orphan-lifetime=5 label=killed",
                            "0.2s:send 5@all", "1s:half-close@1", "1s:kill@2"),
                    Duration.ofSeconds(14), TIMEOUT),
            new Scenario("zero-window",
                    "The server stopped reading and my client keeps sending: are those keep-alives?",
                    "The server's window closes; the client's kernel sends zero-window (persist) probes with "
                            + "back-off, and its own keep-alive never fires while data waits.",
                    List.of("server-policy read-once", "server-keepalive off", "client-keepalive 2,1,3",
                            "0s:connect", "0.2s:send 5", "0.5s:send 6000000"),
                    Duration.ofSeconds(10), TIMEOUT),
            new Scenario("server-gone",
                    "My client waits for a reply and the server's host vanished: who tells the client?",
                    "Only the client's own keep-alive (on: ETIMEDOUT; off: it waits for ever); a killed server "
                            + "process instead sends FIN, the client reads EOF at once, and its next write draws RST.",
                    List.of("server-policy read-keep", "server-keepalive off",
                            "0s:connect client-keepalive=2,1,3 label=\"client keep-alive\"",
                            "0s:connect label=\"no keep-alive\"", "0s:connect label=\"server killed\"",
                            "0.2s:send 5@all", "1s:sever@1", "1s:sever@2", "1s:kill server@3", "2s:send 5@3"),
                    Duration.ofSeconds(9), TIMEOUT),
            new Scenario("both-probing",
                    "Both ends enable keep-alive and the network dies: which one finds out first?",
                    "Each side counts idle + count × interval from the last segment it received: the client's "
                            + "shorter timer ends its side first, the server's later.",
                    List.of("server-policy read-keep", "server-keepalive 5,1,3", "client-keepalive 2,1,2",
                            "0s:connect", "0.2s:send 5", "1s:sever"),
                    null, TIMEOUT),
            new Scenario("abort",
                    "The client aborted (SO_LINGER 0): what does the server see?",
                    "One RST, and the server's read fails with 'Connection reset' at once.",
                    List.of("server-policy read-keep", "0s:connect", "0.2s:send 5", "1s:abort"),
                    null, TIMEOUT),
            new Scenario("graceful",
                    "Both sides close properly: what is TIME_WAIT, and whose is it?",
                    "FIN both ways; the side that closed first, the client, holds TIME_WAIT.",
                    List.of("server-policy read-close", "0s:connect", "0.2s:send 5", "1s:close"),
                    null, TIMEOUT));

    private Scenarios() {
    }

    /** The scenario called {@code name}. */
    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every name, for an error message: "seed-kill, sever, …". */
    public static String names() {
        return ALL.stream().map(Scenario::name).collect(Collectors.joining(", "));
    }
}
