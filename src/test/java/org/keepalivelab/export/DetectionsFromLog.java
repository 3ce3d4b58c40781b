package org.keepalivelab.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The detection times worked out again from an event log's own lines, as a script reading the log
 * would, independently of the lab's code: the first fault action, then per side the first RST it sent
 * or received (not dropped), its "Connection timed out" or a CLOSED state, and its first EOF, error or
 * close; for a read-once server (the header's connection settings) an EOF or error after its first read
 * and before any close or reply of its own is the lab's read for it, its nextReadT, not its appT.
 */
final class DetectionsFromLog {
    private static final Set<String> FAULTS = Set.of("kill", "abort", "close", "half-close", "sever", "forget");

    private DetectionsFromLog() {
    }

    static long faultT(List<Map<String, Object>> lines, long conn) {
        return lines.stream().filter(l -> isEvent(l, conn) && "action".equals(l.get("type"))
                && FAULTS.contains(l.get("action"))).map(l -> (Long) l.get("t")).findFirst().orElseThrow();
    }

    /** The side's kernelT, or null. */
    static Long kernelT(List<Map<String, Object>> lines, long conn, String side) {
        long fault = faultT(lines, conn);
        String sends = side.equals("client") ? "c2s" : "s2c";
        return lines.stream().filter(l -> isEvent(l, conn) && (Long) l.get("t") >= fault).filter(l -> switch ((String) l.get("type")) {
            case "segment" -> "RST".equals(l.get("kind")) && (sends.equals(l.get("dir")) || !(Boolean) l.get("dropped"));
            case "app" -> side.equals(l.get("side")) && "ERROR".equals(l.get("event"))
                    && "Connection timed out".equals(l.get("message"));
            case "state" -> side.equals(l.get("side")) && "CLOSED".equals(l.get("state"));
            default -> false;
        }).map(l -> (Long) l.get("t")).min(Long::compare).orElse(null);
    }

    /** The side's appT, or null. */
    static Long appT(List<Map<String, Object>> lines, long conn, String side) {
        return ends(lines, conn, side).filter(l -> !labsRead(lines, conn, side, l)).map(l -> (Long) l.get("t"))
                .findFirst().orElse(null);
    }

    /** The side's nextReadT (the lab's read for a read-once server), or null. */
    static Long nextReadT(List<Map<String, Object>> lines, long conn, String side) {
        return ends(lines, conn, side).filter(l -> labsRead(lines, conn, side, l)).map(l -> (Long) l.get("t"))
                .findFirst().orElse(null);
    }

    private static Stream<Map<String, Object>> ends(List<Map<String, Object>> lines, long conn, String side) {
        long fault = faultT(lines, conn);
        return lines.stream().filter(l -> isEvent(l, conn) && (Long) l.get("t") >= fault && "app".equals(l.get("type"))
                && side.equals(l.get("side")) && Set.of("EOF", "ERROR", "CLOSED").contains(l.get("event")));
    }

    private static boolean labsRead(List<Map<String, Object>> lines, long conn, String side, Map<String, Object> end) {
        @SuppressWarnings("unchecked")
        var connections = (List<Map<String, Object>>) lines.getFirst().get("connections");
        boolean readsOnce = side.equals("server") && connections.stream()
                .anyMatch(c -> Objects.equals(c.get("conn"), conn) && "read-once".equals(c.get("serverPolicy")));
        long t = (Long) end.get("t");
        boolean read = lines.stream().anyMatch(l -> isEvent(l, conn) && "app".equals(l.get("type"))
                && side.equals(l.get("side")) && "READ".equals(l.get("event")) && (Long) l.get("t") <= t);
        boolean ownAct = lines.stream().anyMatch(l -> isEvent(l, conn) && "action".equals(l.get("type"))
                && side.equals(l.get("side")) && Set.of("close", "reply").contains(l.get("action")) && (Long) l.get("t") <= t);
        return readsOnce && !"CLOSED".equals(end.get("event")) && read && !ownAct;
    }

    private static boolean isEvent(Map<String, Object> line, long conn) {
        return line.containsKey("t") && Objects.equals(line.get("conn"), conn);
    }
}
