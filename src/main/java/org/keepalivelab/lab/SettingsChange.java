package org.keepalivelab.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings given one by one ({@code server-keepalive=12,3,3}), each read and checked once, to apply
 * over other settings: a connect step's own, a {@code --script} file's settings lines.
 */
public record SettingsChange(List<Setting.Value<?>> values) {
    public static final SettingsChange NONE = new SettingsChange(List.of());

    /** @throws IllegalArgumentException when a setting is given twice */
    public SettingsChange {
        values = List.copyOf(values);
        var keys = new HashSet<String>();
        for (var value : values) {
            if (!keys.add(value.setting().key())) {
                throw new IllegalArgumentException(value.setting().key() + " is given twice");
            }
        }
    }

    /**
     * The settings {@code key} names, read from {@code text}.
     *
     * @throws IllegalArgumentException for a key that names no setting, or a value the setting refuses
     */
    public static Setting.Value<?> value(String key, String text) {
        var setting = Setting.named(key).orElseThrow(() -> new IllegalArgumentException(
                "'" + key + "' is not a setting; settings are " + Setting.keys()));
        return setting.valueOf(text);
    }

    /** The settings {@code to} gives differently from {@code from}, in the command line's order. */
    public static SettingsChange between(LabSettings from, LabSettings to) {
        var changed = new ArrayList<Setting.Value<?>>();
        for (var setting : Setting.ALL) {
            var value = setting.of(to);
            if (!value.equals(setting.of(from))) {
                changed.add(value);
            }
        }
        return new SettingsChange(changed);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code base} with these settings applied, in their order. */
    public LabSettings applyTo(LabSettings base) {
        var settings = base;
        for (var value : values) {
            settings = value.applyTo(settings);
        }
        return settings;
    }

    /** {@code server-keepalive=12,3,3 server-policy=read-close} */
    @Override
    public String toString() {
        return values.stream().map(Setting.Value::toString).collect(Collectors.joining(" "));
    }
}
