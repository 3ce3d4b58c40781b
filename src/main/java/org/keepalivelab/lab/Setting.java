package org.keepalivelab.lab;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One of the settings a command-line option, a {@code --script} file's settings line and a connect
 * step's {@code KEY=VALUE} all set, under one key ({@code server-keepalive}, the option's name without
 * its dashes): how its text is read, written back, and applied to {@link LabSettings}. Reading it in one
 * place gives each setting the same form and the same refusal wherever it is written.
 *
 * @param <T> the setting's value
 */
public final class Setting<T> {
    public static final Setting<ServerPolicy> SERVER_POLICY = new Setting<>("server-policy",
            ServerPolicy::parse, ServerPolicy::label, LabSettings::serverPolicy, LabSettings::withServerPolicy);
    public static final Setting<KeepaliveSettings> SERVER_KEEPALIVE = new Setting<>("server-keepalive",
            KeepaliveSettings::parse, KeepaliveSettings::toString, s -> s.server().keepalive(),
            (s, keepalive) -> s.withServer(s.server().withKeepalive(keepalive)));
    public static final Setting<KeepaliveSettings> CLIENT_KEEPALIVE = new Setting<>("client-keepalive",
            KeepaliveSettings::parse, KeepaliveSettings::toString, s -> s.client().keepalive(),
            (s, keepalive) -> s.withClient(s.client().withKeepalive(keepalive)));
    public static final Setting<Integer> SERVER_USER_TIMEOUT = new Setting<>("server-user-timeout",
            SocketSettings.USER_TIMEOUT::parse, String::valueOf, s -> s.server().userTimeoutMillis(),
            (s, millis) -> s.withServer(s.server().withUserTimeout(millis)));
    public static final Setting<Integer> CLIENT_USER_TIMEOUT = new Setting<>("client-user-timeout",
            SocketSettings.USER_TIMEOUT::parse, String::valueOf, s -> s.client().userTimeoutMillis(),
            (s, millis) -> s.withClient(s.client().withUserTimeout(millis)));
    public static final Setting<Integer> ORPHAN_LIFETIME = new Setting<>("orphan-lifetime",
            LabSettings::parseOrphanLifetime, String::valueOf, LabSettings::orphanLifetimeSeconds,
            LabSettings::withOrphanLifetime);
    public static final Setting<Integer> SERVER_ORPHAN_LIFETIME = new Setting<>("server-orphan-lifetime",
            LabSettings::parseOrphanLifetime, String::valueOf, LabSettings::serverOrphanLifetimeSeconds,
            LabSettings::withServerOrphanLifetime);

    /** Every setting, in the command line's order. */
    public static final List<Setting<?>> ALL = List.of(SERVER_POLICY, SERVER_KEEPALIVE, CLIENT_KEEPALIVE,
            SERVER_USER_TIMEOUT, CLIENT_USER_TIMEOUT, ORPHAN_LIFETIME, SERVER_ORPHAN_LIFETIME);

    /** One setting's value, read and checked: applied to settings, it sets that one. */
    public record Value<T>(Setting<T> setting, T value) {
        public LabSettings applyTo(LabSettings settings) {
            return setting.with.apply(settings, value);
        }

        /** The value as the command line writes it: {@code 5,5}. */
        public String text() {
            return setting.format.apply(value);
        }

        /** {@code server-keepalive=5,5} */
        @Override
        public String toString() {
            return setting.key + "=" + text();
        }
    }

    private final String key;
    private final Function<String, T> parse;
    private final Function<T, String> format;
    private final Function<LabSettings, T> get;
    private final BiFunction<LabSettings, T, LabSettings> with;

    private Setting(String key, Function<String, T> parse, Function<T, String> format, Function<LabSettings, T> get,
                    BiFunction<LabSettings, T, LabSettings> with) {
        this.key = key;
        this.parse = parse;
        this.format = format;
        this.get = get;
        this.with = with;
    }

    /** Its name: the command-line option's without the dashes. */
    public String key() {
        return key;
    }

    /**
     * Reads the setting's value as the command line writes it.
     *
     * @throws IllegalArgumentException one sentence saying what is wrong and what is allowed
     */
    public T parse(String text) {
        return parse.apply(text);
    }

    /** Reads {@code text} into a value of this setting. */
    public Value<T> valueOf(String text) {
        return new Value<>(this, parse(text));
    }

    /** This setting's value in {@code settings}. */
    public Value<T> of(LabSettings settings) {
        return new Value<>(this, get.apply(settings));
    }

    /** The setting called {@code key}, if there is one. */
    public static Optional<Setting<?>> named(String key) {
        return ALL.stream().filter(s -> s.key.equals(key)).findFirst();
    }

    /** Every key, for an error message: "server-policy, server-keepalive, …". */
    public static String keys() {
        return ALL.stream().map(Setting::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key;
    }
}
