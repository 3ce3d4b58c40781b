package org.keepalivelab.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Stack;
import java.util.regex.Pattern;
import org.keepalivelab.lab.Durations;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.LabSysctl;
import org.keepalivelab.lab.Range;
import org.keepalivelab.lab.ScriptStep;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.ui.theme.Theme;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** How the command's options read their values, each refusing bad text with one clear sentence. */
final class Converters {

    private Converters() {
    }

    /** Turns a parse failure's message into picocli's "Invalid value for option …: message". */
    private interface Parser<T> extends ITypeConverter<T> {
        T parse(String text);

        @Override
        default T convert(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PolicyConverter implements Parser<ServerPolicy> {
        @Override
        public ServerPolicy parse(String text) {
            return ServerPolicy.parse(text);
        }
    }

    static final class SysctlConverter implements Parser<LabSysctl> {
        @Override
        public LabSysctl parse(String text) {
            return LabSysctl.parse(text);
        }
    }

    static final class KeepaliveConverter implements Parser<KeepaliveSettings> {
        @Override
        public KeepaliveSettings parse(String text) {
            return KeepaliveSettings.parse(text);
        }
    }

    /**
     * Takes a step as one argument ({@code "0.2s:send 5"}) or, as a shell splits it unquoted, several
     * ({@code 0.2s:sever-idle 8 reset}): an action's arguments never start with '-' and hold no ':', and
     * the command takes no positional arguments they could be mistaken for.
     */
    static final class StepConsumer implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
            if (args.isEmpty()) {
                throw new ParameterException(command.commandLine(), "--at needs a step: " + ScriptStep.FORM);
            }
            String step = args.pop();
            while (!args.isEmpty() && !args.peek().startsWith("-") && !args.peek().contains(":")) {
                step += " " + args.pop();
            }
            try {
                option.<List<ScriptStep>>getValue().add(ScriptStep.parse(step));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), "Invalid value for option '--at': " + e.getMessage());
            }
        }
    }

    /** A timeout: a zero one would stop the run before its first step. */
    static final class TimeoutConverter implements Parser<Duration> {
        @Override
        public Duration parse(String text) {
            return Durations.parsePositive(text, "the timeout");
        }
    }

    /** {@code closed} (null: until every connection ended) or a duration longer than zero. */
    static final class UntilConverter implements Parser<Duration> {
        @Override
        public Duration parse(String text) {
            if (text.strip().equalsIgnoreCase("closed")) {
                return null;
            }
            try {
                Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is neither closed (stop once every connection "
                        + "has ended) nor a time (" + Durations.FORMS + ")");
            }
            return Durations.parsePositive(text, "--until's time");
        }
    }

    static final class SizeConverter implements Parser<PngSize> {
        private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[x×](\\d{1,5})");

        @Override
        public PngSize parse(String text) {
            var m = SIZE.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("the PNG size is WIDTHxHEIGHT in pixels, e.g. 3840x2160, not '" + text + "'");
            }
            return new PngSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
    }

    static final class ThemeConverter implements Parser<Theme> {
        @Override
        public Theme parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "light" -> Theme.LIGHT;
                case "dark" -> Theme.DARK;
                default -> throw new IllegalArgumentException("the theme is light or dark, not '" + text + "'");
            };
        }
    }

    static final class UserTimeoutConverter implements Parser<Integer> {
        @Override
        public Integer parse(String text) {
            return SocketSettings.USER_TIMEOUT.parse(text);
        }
    }

    static final class ConnectionsConverter implements Parser<Integer> {
        @Override
        public Integer parse(String text) {
            return Lab.CLIENTS_PER_CONNECT.parse(text);
        }
    }

    /** Either side's orphan lifetime: {@code --orphan-lifetime}, {@code --server-orphan-lifetime}. */
    static final class OrphanLifetimeConverter implements Parser<Integer> {
        @Override
        public Integer parse(String text) {
            return LabSettings.parseOrphanLifetime(text);
        }
    }
}
