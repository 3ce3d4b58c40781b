package org.keepalivelab.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.Setting;
import org.keepalivelab.lab.SettingsChange;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.linux.TcpSysctl;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * An event log's first line, as {@link EventLog} (or {@link ImportLog}) writes it: one line, read whole
 * into maps. Each connection's settings are read back through the command line's own parsers
 * ({@link Setting}), from the text each setting has there: what the log wrote is what the lab would
 * be given again.
 */
final class LogHeader {
    /**
     * What a socket of the lab has where nothing is set: a log from before a setting existed (such as
     * {@code serverOrphanLifetime}) ran with it so.
     */
    private static final LabSettings UNSET = new LabSettings(ServerPolicy.READ_ONCE, SocketSettings.DEFAULT,
            SocketSettings.DEFAULT, LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME, LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME);

    final String source;
    final long startEpochNanos;
    final String serverAddress;
    final int serverPort;
    final KernelSettings kernel;
    final List<LoggedRun.Connection> connections;

    /**
     * Reads the header the parser is at the start of.
     *
     * @throws IllegalArgumentException saying what in it is wrong
     */
    LogHeader(JsonParser json) {
        var fields = object(json);
        if (!"lab".equals(fields.get("type"))) {
            throw new IllegalArgumentException("the first line is not the event log's header (\"type\":\"lab\")");
        }
        if (!Long.valueOf(EventLog.FORMAT).equals(fields.get("format"))) {
            throw new IllegalArgumentException("the log is format " + fields.get("format") + "; the lab reads format "
                    + EventLog.FORMAT);
        }
        source = fields.get("source") instanceof String s ? s : EventLog.SOURCE;
        startEpochNanos = fields.get("startEpochNanos") instanceof Long n ? n : 0;
        serverAddress = fields.get("serverAddress") instanceof String s ? s : "";
        serverPort = fields.get("serverPort") instanceof Long n ? Math.toIntExact(n) : 0;
        kernel = kernel(map(fields, "kernel"), map(fields, "sysctl"));
        var list = new ArrayList<LoggedRun.Connection>();
        if (fields.get("connections") instanceof List<?> all) {
            for (var item : all) {
                if (item instanceof Map<?, ?> c && c.get("conn") instanceof Long conn) {
                    list.add(new LoggedRun.Connection(Math.toIntExact(conn), clientPort(conn, c.get("clientPort")),
                            c.get("label") instanceof String label ? label : "", settings(conn, c)));
                }
            }
        }
        connections = List.copyOf(list);
    }

    /**
     * A connection's {@code clientPort}, 1..65535; 0 where the log has none (written before the field).
     *
     * @throws IllegalArgumentException for one that is no port
     */
    private static int clientPort(long conn, Object value) {
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Long port) || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("connection " + conn + "'s \"clientPort\" is " + value
                    + ", not a port number, 1..65535");
        }
        return Math.toIntExact(port);
    }

    /** The kernel's values; those the {@code kernel} object lacks from {@code sysctl}, by either name; else -1. */
    private static KernelSettings kernel(Map<?, ?> kernel, Map<?, ?> sysctl) {
        return new KernelSettings(kernel.get("release") instanceof String r ? r : "unknown (not in the event log)",
                value(kernel, "tcpKeepaliveTime", sysctl, TcpSysctl.TCP_KEEPALIVE_TIME),
                value(kernel, "tcpKeepaliveIntvl", sysctl, TcpSysctl.TCP_KEEPALIVE_INTVL),
                value(kernel, "tcpKeepaliveProbes", sysctl, TcpSysctl.TCP_KEEPALIVE_PROBES),
                value(kernel, "tcpFinTimeout", sysctl, TcpSysctl.TCP_FIN_TIMEOUT),
                value(kernel, "tcpRetries2", sysctl, TcpSysctl.TCP_RETRIES2),
                value(kernel, "", sysctl, TcpSysctl.TCP_ORPHAN_RETRIES),
                value(kernel, "", sysctl, TcpSysctl.TCP_SYN_RETRIES));
    }

    private static int value(Map<?, ?> kernel, String name, Map<?, ?> sysctl, TcpSysctl which) {
        for (var value : new Object[] {kernel.get(name), sysctl.get(which.fullName()), sysctl.get(which.shortName())}) {
            if (value instanceof Long n) {
                return Math.toIntExact(n);
            }
        }
        return -1;
    }

    /** A connection's settings, where the log gives them (a lab's does, an import's does not). */
    private static Optional<LabSettings> settings(long conn, Map<?, ?> c) {
        if (!c.containsKey("serverPolicy")) {
            return Optional.empty();
        }
        var values = new ArrayList<Setting.Value<?>>();
        try {
            add(values, Setting.SERVER_POLICY, c.get("serverPolicy") instanceof String s ? Optional.of(s) : Optional.empty());
            add(values, Setting.SERVER_KEEPALIVE, keepalive(c.get("serverKeepalive")));
            add(values, Setting.CLIENT_KEEPALIVE, keepalive(c.get("clientKeepalive")));
            add(values, Setting.SERVER_USER_TIMEOUT, number(c.get("serverUserTimeoutMs")));
            add(values, Setting.CLIENT_USER_TIMEOUT, number(c.get("clientUserTimeoutMs")));
            add(values, Setting.ORPHAN_LIFETIME, lifetime(c, "orphanLifetime"));
            add(values, Setting.SERVER_ORPHAN_LIFETIME, lifetime(c, "serverOrphanLifetime"));
            return Optional.of(new SettingsChange(values).applyTo(UNSET));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection " + conn + "'s settings: " + e.getMessage(), e);
        }
    }

    private static void add(List<Setting.Value<?>> values, Setting<?> setting, Optional<String> text) {
        text.ifPresent(t -> values.add(setting.valueOf(t)));
    }

    /** {@code off}, or {@code IDLE,INTERVAL[,COUNT]} without the count where it is the kernel's. */
    private static Optional<String> keepalive(Object value) {
        if (!(value instanceof Map<?, ?> k)) {
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(k.get("enabled"))) {
            return Optional.of("off");
        }
        String timers = k.get("idle") + "," + k.get("interval");
        return Optional.of(Boolean.TRUE.equals(k.get("countIsKernelDefault")) ? timers : timers + "," + k.get("count"));
    }

    /** Seconds, or {@code 0} where the log says the kernel's {@code tcp_fin_timeout} was left. */
    private static Optional<String> lifetime(Map<?, ?> c, String name) {
        return Boolean.TRUE.equals(c.get(name + "IsKernelDefault"))
                ? Optional.of(String.valueOf(LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME)) : number(c.get(name + "S"));
    }

    private static Optional<String> number(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private static Map<?, ?> map(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Map<?, ?> m ? m : Map.of();
    }

    /**
     * The object the parser is at the start of, as a script reads JSON: names to values, objects as
     * maps, arrays as lists.
     */
    static Map<String, Object> object(JsonParser json) {
        var fields = new LinkedHashMap<String, Object>();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            json.nextToken();
            fields.put(name, value(json));
        }
        return fields;
    }

    private static Object value(JsonParser json) {
        return switch (json.currentToken()) {
            case START_OBJECT -> object(json);
            case START_ARRAY -> {
                var items = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(json));
                }
                yield items;
            }
            case VALUE_STRING -> json.getString();
            case VALUE_NUMBER_INT -> json.getLongValue();
            case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
            default -> null;
        };
    }
}
