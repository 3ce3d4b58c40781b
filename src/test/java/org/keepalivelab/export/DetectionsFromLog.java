package org.keepalivelab.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The detection times worked out again from an event log's own lines, as a script reading the log
 * would, independently of the lab's code: the first fault action, then per side the first RST it sent
 * or received (not dropped), its "Connection timed out" or a CLOSED state, and its first EOF, error or
 * close.
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
        long fault = faultT(lines, conn);
        return lines.stream().filter(l -> isEvent(l, conn) && (Long) l.get("t") >= fault && "app".equals(l.get("type"))
                && side.equals(l.get("side")) && Set.of("EOF", "ERROR", "CLOSED").contains(l.get("event")))
                .map(l -> (Long) l.get("t")).findFirst().orElse(null);
    }

    private static boolean isEvent(Map<String, Object> line, long conn) {
        return line.containsKey("t") && Objects.equals(line.get("conn"), conn);
    }
}
