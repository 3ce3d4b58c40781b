package org.keepalivelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.keepalivelab.cli.Converters.ConnectionsConverter;
import org.keepalivelab.cli.Converters.KeepaliveConverter;
import org.keepalivelab.cli.Converters.OrphanLifetimeConverter;
import org.keepalivelab.cli.Converters.PolicyConverter;
import org.keepalivelab.cli.Converters.SizeConverter;
import org.keepalivelab.cli.Converters.StepConsumer;
import org.keepalivelab.cli.Converters.SysctlConverter;
import org.keepalivelab.cli.Converters.ThemeConverter;
import org.keepalivelab.cli.Converters.TimeoutConverter;
import org.keepalivelab.cli.Converters.UntilConverter;
import org.keepalivelab.cli.Converters.UserTimeoutConverter;
import org.keepalivelab.explain.RunExplanations;
import org.keepalivelab.export.AppVersion;
import org.keepalivelab.export.EventLog;
import org.keepalivelab.export.PcapFile;
import org.keepalivelab.export.PcapngFile;
import org.keepalivelab.lab.Durations;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabException;
import org.keepalivelab.lab.LabKernel;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.LabSysctl;
import org.keepalivelab.lab.Run;
import org.keepalivelab.lab.Scenario;
import org.keepalivelab.lab.Scenarios;
import org.keepalivelab.lab.Script;
import org.keepalivelab.lab.ScriptFile;
import org.keepalivelab.lab.ScriptStep;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.Setting;
import org.keepalivelab.lab.SettingsChange;
import org.keepalivelab.lab.Startup;
import org.keepalivelab.linux.PrivateNamespace;
import org.keepalivelab.ui.LabApp;
import org.keepalivelab.ui.export.PngExport;
import org.keepalivelab.ui.theme.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The command line: the desktop lab by default, or a timed script run without a window. */
@Command(name = "keepalive-lab", mixinStandardHelpOptions = true, versionProvider = LabCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "A laboratory for TCP dead-peer detection: a real server and client in this process, on the "
                    + "real kernel, every segment captured.",
            "",
            "Without --headless it opens the window. With --headless it runs a timed script and writes "
                    + "events.jsonl and capture.pcap to --out (and, with --png, the timeline as an image), e.g.:",
            "  keepalive-lab --headless --server-keepalive 1,1,3 --at 0s:connect --at 0.2s:send 5 "
                    + "--at 1s:kill --until closed --timeout 90s --out run1",
            ""},
        footer = {"",
            "Steps (--at, a --script file's lines): TIME:ACTION[@CONN|@all], default @1.",
            "  connect [N] [KEY=VALUE...]       N connections (1..1000), own settings, label",
            "  send N, reply N                  the client, or the server, writes N bytes",
            "  close [client|server]            FIN, read to EOF, close (default: the client)",
            "  kill [client|server]             that process dies: its kernel closes (FIN)",
            "  abort [client|server]            SO_LINGER 0, close: RST",
            "  half-close                       the client sends FIN and keeps its socket",
            "  sever [both|c2s|s2c]             drop every segment that way (default both)",
            "  sever-idle SECONDS [drop|reset]  a middlebox forgets it after SECONDS idle",
            "  restore                          segments cross again",
            "A connect's KEY is an option's name without the dashes, its value as the option",
            "takes it; label=NAME names the connections in the window (up to 40 characters, in double quotes with a space):",
            "  --at '0s:connect server-keepalive=12,3,3 label=\"every 12 s\"'",
            "A --script file has one step or setting a line, # a comment; a setting is",
            "KEY VALUE or KEY=VALUE, with or without the dashes (server-keepalive 5,5). The",
            "options override its settings; its steps and --at's run together, in time order.",
            "",
            "Exit status: 0 the script ran; 2 a bad option or script; 3 the lab could not do a step; "
                + "4 the timeout came first; 5 an imported capture ended early."})
public final class LabCommand implements Callable<Integer> {
    static final int EXIT_LAB_FAILED = 3;
    static final int EXIT_TIMED_OUT = 4;

    @Spec
    CommandSpec spec;

    /** {@code --version}: the pom's version, as every export names it. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.nameAndVersion()};
        }
    }

    @Option(names = "--headless", description = "Run the script without a window and write the exports.")
    boolean headless;

    @Option(names = "--server-policy", paramLabel = "POLICY", converter = PolicyConverter.class,
            description = "read-once (reads the first message, then never reads or closes: the seed), "
                    + "read-close, read-keep. Default: ${DEFAULT-VALUE}.")
    ServerPolicy serverPolicy = ServerPolicy.READ_ONCE;

    @Option(names = "--server-keepalive", paramLabel = "off|IDLE,INTERVAL[,COUNT]", converter = KeepaliveConverter.class,
            description = "The server socket's keepalive, in seconds; no COUNT keeps the kernel's. Default: ${DEFAULT-VALUE} "
                    + "(Go 1.12 SetKeepAlivePeriod(5s)).")
    KeepaliveSettings serverKeepalive = LabSettings.seed().server().keepalive();

    @Option(names = "--client-keepalive", paramLabel = "off|IDLE,INTERVAL[,COUNT]", converter = KeepaliveConverter.class,
            description = "The client socket's keepalive. Default: ${DEFAULT-VALUE}.")
    KeepaliveSettings clientKeepalive = KeepaliveSettings.OFF;

    @Option(names = "--server-user-timeout", paramLabel = "MS", converter = UserTimeoutConverter.class,
            description = "The server socket's TCP_USER_TIMEOUT in ms; 0 (default) leaves the kernel's rules.")
    int serverUserTimeout;

    @Option(names = "--client-user-timeout", paramLabel = "MS", converter = UserTimeoutConverter.class,
            description = "The client socket's TCP_USER_TIMEOUT in ms; 0 (default) leaves the kernel's rules.")
    int clientUserTimeout;

    @Option(names = "--orphan-lifetime", paramLabel = "SECONDS", converter = OrphanLifetimeConverter.class,
            description = "How long a closed or killed client's socket lives in FIN_WAIT2 (TCP_LINGER2, 1..120); "
                    + "0 (default): the kernel's tcp_fin_timeout.")
    int orphanLifetime = LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME;

    @Option(names = "--server-orphan-lifetime", paramLabel = "SECONDS", converter = OrphanLifetimeConverter.class,
            description = "The same for the server's socket, once the server closed first or was killed "
                    + "(TCP_LINGER2, 1..120); 0 (default): the kernel's tcp_fin_timeout.")
    int serverOrphanLifetime = LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME;

    @Option(names = "--at", paramLabel = "TIME:ACTION[@CONN]", parameterConsumer = StepConsumer.class,
            description = "A step of the script, repeatable (all of them below). Actions: " + ScriptStep.ACTIONS
                    + ". Default script, the seed's story: 0s:connect, 0.2s:send 5@all, 1s:kill@all.")
    List<ScriptStep> steps = new ArrayList<>();

    @Option(names = "--script", paramLabel = "FILE",
            description = "Steps and settings from a file, one a line (below); with --at, both files' and options' "
                    + "steps run; the options override its settings.")
    Path scriptFile;

    @Option(names = "--scenario", paramLabel = "NAME|list",
            description = "With --headless: run a scenario of the gallery (its settings, steps, until and timeout; "
                    + "options given here override them, --at and a --script add steps); list: each one's name "
                    + "and question.")
    String scenarioName;

    @Option(names = "--connections", paramLabel = "N", converter = ConnectionsConverter.class,
            description = "How many clients a connect step without a count opens (1..1000). Default: 1.")
    int connections = 1;

    @Option(names = "--until", paramLabel = "closed|TIME", converter = UntilConverter.class,
            description = "Stop once every connection's server has seen its connection end (closed, the default), "
                    + "or at TIME (a number and a unit, ms, s or m: 0.2s, 250ms, 90s, 2m).")
    Duration until;

    @Option(names = "--timeout", paramLabel = "TIME", converter = TimeoutConverter.class,
            description = "Stop here at the latest: a TIME longer than 0. Default: 90s.")
    Duration timeout = Duration.ofSeconds(90);

    @Option(names = "--out", paramLabel = "DIR", description = "Where the exports go. Default: the current directory.")
    Path out = Path.of(".");

    @Option(names = "--no-namespace", description = "Run in this process's own network namespace even without the "
            + "privileges there: no capture (probes are inferred from TCP_INFO) and no sever. By default an ordinary "
            + "user's lab runs in a private user and network namespace, where it has both.")
    boolean noNamespace;

    @Option(names = "--sysctl", paramLabel = "NAME=VALUE", converter = SysctlConverter.class,
            description = "One of the lab's own TCP sysctls, repeatable: tcp_keepalive_time, tcp_keepalive_intvl, "
                    + "tcp_fin_timeout (seconds, 0..2147483), tcp_keepalive_probes, tcp_retries2, tcp_orphan_retries "
                    + "(0..255), tcp_syn_retries (1..127), with or without net.ipv4. They are set in the lab's own "
                    + "network namespace (as root too: the host's are never changed), for every socket of the lab.")
    List<LabSysctl> sysctls = new ArrayList<>();

    @Option(names = "--png", paramLabel = "FILE",
            description = "With --headless: also draw the whole timeline as a PNG, legend and settings included.")
    Path png;

    @Option(names = "--pcapng", paramLabel = "FILE",
            description = "With --headless: also write the capture as pcapng, each segment with a comment in plain "
                    + "words (Wireshark's frame.comment): the lab's own, or with --import the file read.")
    Path pcapng;

    @Option(names = "--png-size", paramLabel = "WIDTHxHEIGHT", converter = SizeConverter.class,
            description = "The PNG's width, and the most height its timeline takes, in pixels, 320..8192 × 200..8192: "
                    + "the caption, lanes and legend fit in that height (lanes that do not are left out, and the "
                    + "picture says so); the image is as tall as its content, the stories under the lanes "
                    + "included. Default: 1920x1080.")
    PngSize pngSize = new PngSize(PngExport.DEFAULT_WIDTH, PngExport.DEFAULT_HEIGHT);

    @Option(names = "--theme", paramLabel = "light|dark", converter = ThemeConverter.class,
            description = "The PNG's colours. Default: light.")
    Theme theme = Theme.LIGHT;

    @Mixin
    ImportOptions imports = new ImportOptions();

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file: give a directory "
                    + "(it is made if it does not exist).");
        }
        if (imports.requested()) {
            return imports.run(spec, headless, out, png, pcapng, pngSize, theme); // reads a file: no lab, no namespace
        }
        return switch (Startup.decide(!noNamespace, sysctlsInForce())) {
            case Startup.InPrivateNamespace(var kind) -> {
                int status = PrivateNamespace.relaunch(kind);
                yield status == PrivateNamespace.UNUSABLE_STATUS ? run(Startup.unusableNamespace()) : status;
            }
            case Startup.NamespaceUnusable() -> PrivateNamespace.UNUSABLE_STATUS;
            case Startup.Here(var isolation) -> run(isolation);
        };
    }

    private int run(Isolation isolation) throws IOException, InterruptedException {
        if ("list".equals(scenarioName)) {
            ScenarioList.print(spec.commandLine().getOut());
            return 0;
        }
        var scenario = scenario();
        var script = script();
        var settings = settings(scenario.map(Scenario::settings).orElse(LabSettings.seed()), script.settings());
        try {
            Lab.checkOffered(settings, isolation);
            LabKernel.checkOffered(sysctlsInForce(), isolation);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        var allSteps = new ArrayList<ScriptStep>();
        scenario.ifPresent(s -> allSteps.addAll(s.file().steps()));
        allSteps.addAll(script.steps());
        allSteps.addAll(steps);
        if (!headless) {
            if (!allSteps.isEmpty() || png != null) {
                throw new ParameterException(spec.commandLine(), "--at, the steps of a --script, --scenario and --png "
                        + "belong to --headless runs (the window takes a --script's settings; its Scenarios menu runs "
                        + "a scenario).");
            }
            return runWindow(settings, isolation);
        }
        var parsed = spec.commandLine().getParseResult();
        var runUntil = parsed.hasMatchedOption("--until") || scenario.isEmpty() ? until : scenario.get().until();
        var runTimeout = parsed.hasMatchedOption("--timeout") || scenario.isEmpty() ? timeout : scenario.get().timeout();
        return runHeadless(settings, allSteps, runUntil, runTimeout, isolation);
    }

    /** The scenario's sysctls, then --sysctl's, which override one of the same name. */
    private List<LabSysctl> sysctlsInForce() {
        var inForce = new ArrayList<LabSysctl>();
        if (!"list".equals(scenarioName)) {
            scenario().ifPresent(s -> s.sysctls().stream()
                    .filter(own -> sysctls.stream().noneMatch(given -> given.sysctl() == own.sysctl()))
                    .forEach(inForce::add));
        }
        inForce.addAll(sysctls);
        return inForce;
    }

    /** The --scenario, or none. */
    private Optional<Scenario> scenario() {
        if (scenarioName == null) {
            return Optional.empty();
        }
        return Optional.of(Scenarios.named(scenarioName).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--scenario '" + scenarioName + "' is not a scenario: give one of " + Scenarios.names()
                        + ", or list.")));
    }

    /** The --script file, or none. */
    private ScriptFile script() {
        if (scriptFile == null) {
            return new ScriptFile(SettingsChange.NONE, List.of());
        }
        try {
            return ScriptFile.read(scriptFile);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--script " + scriptFile + " does not exist.");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--script " + scriptFile + " cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The run's settings: {@code base} (the seed's, or a scenario's), then the script file's settings, then
     * the options given on the command line, each over what came before.
     */
    LabSettings settings(LabSettings base, SettingsChange fromFile) {
        var settings = fromFile.applyTo(base);
        settings = given(Setting.SERVER_POLICY, serverPolicy, settings);
        settings = given(Setting.SERVER_KEEPALIVE, serverKeepalive, settings);
        settings = given(Setting.CLIENT_KEEPALIVE, clientKeepalive, settings);
        settings = given(Setting.SERVER_USER_TIMEOUT, serverUserTimeout, settings);
        settings = given(Setting.CLIENT_USER_TIMEOUT, clientUserTimeout, settings);
        settings = given(Setting.ORPHAN_LIFETIME, orphanLifetime, settings);
        return given(Setting.SERVER_ORPHAN_LIFETIME, serverOrphanLifetime, settings);
    }

    /** {@code settings} with {@code value}, if the command line gave its option. */
    private <T> LabSettings given(Setting<T> setting, T value, LabSettings settings) {
        var parsed = spec.commandLine().getParseResult();
        return parsed.hasMatchedOption("--" + setting.key()) ? new Setting.Value<>(setting, value).applyTo(settings)
                : settings;
    }

    private int runWindow(LabSettings settings, Isolation isolation) {
        if (isLinux() && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            spec.commandLine().getErr().println("There is no display to open the window on (neither DISPLAY nor "
                    + "WAYLAND_DISPLAY is set): run it from a desktop session, or use --headless.");
            return EXIT_LAB_FAILED;
        }
        try {
            LabApp.launch(settings, isolation);
        } catch (UnsupportedOperationException e) {
            // GTK's words when the display cannot be opened ("Unable to open DISPLAY")
            spec.commandLine().getErr().println("The window could not open on the display ("
                    + e.getMessage() + "): check DISPLAY, or use --headless.");
            return EXIT_LAB_FAILED;
        }
        return 0;
    }

    private static boolean isLinux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
    }

    private int runHeadless(LabSettings settings, List<ScriptStep> allSteps, Duration until, Duration timeout,
                            Isolation isolation) throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        var script = Script.of(allSteps, connections, until, timeout);
        var explained = new RunExplanations(); // one story for every export of the run
        var sinks = sinks(explained);
        sinks.add(StoryPrinter.sink(stdout, explained)); // after the files: what the run meant, for people
        var outcome = Run.play(settings, isolation, script, sinks, new Run.Listener() {
            @Override
            public void started(Lab lab) {
                stdout.println(lab.mode().banner());
                lab.captureProblem().ifPresent(stderr::println);
                stdout.printf("Lab server on %s; script: %s%n", lab.serverAddress(), script.steps());
                stdout.flush();
            }

            @Override
            public void wrote(Run.Written written) {
                stdout.printf("Wrote %s (%s)%n", written.file(), written.contents());
                stdout.flush();
            }
        });
        if (outcome == Script.Outcome.TIMED_OUT) {
            stderr.println("Stopped at the timeout (" + Durations.format(timeout)
                    + ") before every connection ended; the exports hold what happened until then.");
            return EXIT_TIMED_OUT;
        }
        return 0;
    }

    /** The exports, in the order they are written and reported: the event log, the PNG, the capture. */
    private List<Run.Sink> sinks(RunExplanations explained) {
        var sinks = new ArrayList<Run.Sink>();
        sinks.add(EventLog.sink(out.resolve("events.jsonl"), explained));
        if (png != null) {
            sinks.add(PngExport.sink(png, pngSize.width(), pngSize.height(), theme, explained));
        }
        sinks.add(PcapFile.sink(out.resolve("capture.pcap")));
        if (pcapng != null) {
            sinks.add(PcapngFile.sink(pcapng));
        }
        return sinks;
    }

    /** The command, with its error handling; {@code main} executes it and passes the status to {@link System#exit}. */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new LabCommand());
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            var err = e.getCommandLine().getErr();
            err.println(e.getMessage());
            err.println("Run 'keepalive-lab --help' for the options.");
            return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println(e instanceof LabException ? e.getMessage() : "Keepalive Lab failed: " + e);
            return EXIT_LAB_FAILED;
        });
        return commandLine;
    }
}
