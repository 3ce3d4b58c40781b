package org.keepalivelab.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs this program again in a namespace of its own (docs/privileges.md): a user and network namespace,
 * where an ordinary user holds {@code CAP_NET_RAW} and {@code CAP_NET_ADMIN} over a network with nothing
 * in it but the lab's loopback; or, for root whose lab sets TCP sysctls ({@code --sysctl}), a network
 * namespace alone, whose sysctls are the lab's and not the host's.
 *
 * <p>The kernel refuses {@code unshare(CLONE_NEWUSER)} to a multi-threaded process, and a JVM always
 * is one, so util-linux's {@code unshare} makes the namespaces and starts a new JVM in them with this
 * JVM's own command line (which keeps {@code --enable-native-access}). Without {@code --fork} it
 * replaces itself with that JVM, so the child is our direct child: its exit status is ours, our
 * shutdown ends it, and it ends itself if we vanish without one. When it exits, its namespaces and
 * everything in them are gone.
 */
public final class PrivateNamespace {
    /** In the relaunched JVM's environment: the parent's pid. Marks the child, so it never relaunches again. */
    static final String PARENT_PID = "KEEPALIVE_LAB_PARENT_PID";
    /** In the relaunched JVM's environment: the {@link Kind} it was started in. */
    static final String KIND = "KEEPALIVE_LAB_NAMESPACE";

    /**
     * The relaunched JVM's exit status when its namespace grants the lab nothing; the parent then runs
     * the lab itself. Apart from the program's own statuses (0, 2, 3, 4) and a signal's (128 + n).
     */
    public static final int UNUSABLE_STATUS = 75;

    /** Options every JVM reads from its environment, whatever launcher started it (the JVM TI specification). */
    static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final String JPACKAGE_LAUNCHER_MARK = "_JPACKAGE_LAUNCHER";

    /** Which namespaces util-linux's {@code unshare} makes. */
    public enum Kind {
        /**
         * A user namespace, where the user is root, and a network namespace it owns: an ordinary user's
         * lab, which needs the capabilities it brings.
         */
        USER_AND_NETWORK("--user", "--map-root-user", "--net"),
        /**
         * A network namespace alone: root's lab with {@code --sysctl}, which has the capabilities already
         * and needs only sysctls of its own. {@code CLONE_NEWNET} needs {@code CAP_SYS_ADMIN}, which root has.
         */
        NETWORK("--net");

        private final List<String> unshare;

        Kind(String... options) {
            var command = new ArrayList<String>();
            command.add("unshare");
            command.addAll(List.of(options));
            this.unshare = List.copyOf(command);
        }
    }

    private static final long TRIAL_SECONDS = 10;
    private static final long CHILD_SHUTDOWN_SECONDS = 5;

    private PrivateNamespace() {
    }

    /** True in the JVM that {@link #relaunch} started. */
    public static boolean inside() {
        return System.getenv(PARENT_PID) != null;
    }

    /** In the JVM that {@link #relaunch} started, the kind of namespace it runs in. */
    public static Kind insideKind() {
        String kind = System.getenv(KIND);
        return kind == null ? Kind.USER_AND_NETWORK : Kind.valueOf(kind);
    }

    /**
     * Why this program cannot run again in a namespace of {@code kind} here, naming the cause as precisely
     * as the system tells it, or empty when it can. Finds out by making one for {@code true}.
     */
    public static Optional<String> unavailable(Kind kind) throws InterruptedException {
        if (ownCommandLine().isEmpty()) {
            return Optional.of("this JVM cannot read its own command line to start again");
        }
        var command = new ArrayList<>(kind.unshare);
        command.add("true");
        try {
            var trial = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String output = new String(trial.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!trial.waitFor(TRIAL_SECONDS, TimeUnit.SECONDS)) {
                trial.destroyForcibly();
                return Optional.of("util-linux's unshare did not finish");
            }
            return trial.exitValue() == 0 ? Optional.empty() : Optional.of(explain(output));
        } catch (IOException e) {
            return Optional.of("util-linux's unshare could not be run (" + e.getMessage() + ")");
        }
    }

    /** unshare's own complaint, and the system setting that most likely caused it. */
    private static String explain(String unshareOutput) {
        var cause = new StringBuilder(unshareOutput.isEmpty() ? "unshare failed" : unshareOutput.lines().findFirst().orElseThrow());
        if (Sysctl.read("kernel/apparmor_restrict_unprivileged_userns").equals("1")) {
            cause.append("; AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)");
        }
        if (Sysctl.read("kernel/unprivileged_userns_clone").equals("0")) {
            cause.append("; unprivileged user namespaces are off (kernel.unprivileged_userns_clone = 0)");
        }
        if (Sysctl.read("user/max_user_namespaces").equals("0")) {
            cause.append("; user namespaces are off (user.max_user_namespaces = 0)");
        }
        return cause.toString();
    }

    private static Optional<List<String>> ownCommandLine() {
        var info = ProcessHandle.current().info();
        return info.command().flatMap(java -> info.arguments().map(arguments -> {
            var line = new ArrayList<String>();
            line.add(java);
            line.addAll(List.of(arguments));
            return line;
        }));
    }

    /**
     * Runs this JVM's command line again in new namespaces of {@code kind}, with the same output
     * streams, working directory and environment, and waits for it. Its standard input is a pipe from
     * this JVM that nobody writes to: when this JVM ends, however it ends, the kernel closes the pipe and
     * the child reads its end at once ({@link #settle()}).
     *
     * @return the child's exit status
     */
    public static int relaunch(Kind kind) throws IOException, InterruptedException {
        var ownCommand = ownCommandLine().orElseThrow(() -> new IOException("This JVM cannot read its own command line"));
        var command = new ArrayList<>(kind.unshare);
        command.add("--");
        command.addAll(ownCommand);
        var builder = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE);
        var env = builder.environment();
        env.put(PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        // Inside, the user is root, whose home the JVM would take from the password file: keep the
        // user's own (JavaFX's cache, preferences). Through the environment, not the command line: an
        // installed launcher (jpackage's) takes every argument as the program's, and the JVM reads
        // JAVA_TOOL_OPTIONS whatever started it. Before the user's own JAVA_TOOL_OPTIONS and the
        // command line's options, which the JVM reads later, so either still wins.
        env.merge(TOOL_OPTIONS, toolOptions(), (users, ours) -> ours + " " + users);
        // jpackage's Linux launcher marks the environment it starts the JVM with (LinuxLauncher.c); a
        // launcher that finds the mark takes itself for that JVM's restart and passes every argument to
        // the JVM as an option. The launcher we start again is a fresh one.
        env.remove(JPACKAGE_LAUNCHER_MARK);
        env.put(KIND, kind.name());
        // Mesa finds its shader cache through the password file too, unless told: tell it the XDG default.
        if (env.containsKey("HOME") && !env.containsKey("XDG_CACHE_HOME")) {
            env.put("XDG_CACHE_HOME", env.get("HOME") + "/.cache");
        }
        var child = builder.start();
        // A signal that ends us (SIGTERM, SIGINT) ends the child too; SIGKILL is the child's watch's business.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stop(child)));
        return child.waitFor();
    }

    /**
     * {@code -Duser.home=… -Duser.name=…}, each quoted as the JVM's parser of {@code JAVA_TOOL_OPTIONS}
     * reads quotes (HotSpot's arguments.cpp, parse_options_buffer): a home may hold a space.
     */
    static String toolOptions() {
        return quoted("-Duser.home=" + System.getProperty("user.home")) + " "
                + quoted("-Duser.name=" + System.getProperty("user.name"));
    }

    private static String quoted(String option) {
        char quote = option.indexOf('"') < 0 ? '"' : '\'';
        return quote + option + quote;
    }

    /**
     * Asks the child to end (SIGTERM, through its {@link ProcessHandle}: {@link Process#destroy()} would
     * first close the pipe on the child's standard input, and the child, taking that for its parent's
     * end, would halt in the middle of its own shutdown, its store left on disk), then ends it outright
     * if it has not ended in 5 s.
     */
    private static void stop(Process child) {
        child.toHandle().destroy();
        try {
            if (!child.waitFor(CHILD_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }

    /**
     * In the JVM that {@link #relaunch} started: ends this JVM as soon as the parent is gone (were it
     * killed outright, nobody would wait for us any more), which the end of its pipe on our standard
     * input tells at once; and brings {@code lo} up, which a new network namespace starts without.
     */
    public static void settle() throws LinuxException {
        Thread.ofPlatform().name("parent watch").daemon().start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes: only the end matters
                }
            } catch (IOException e) {
                // as good as the end
            }
            parentGone();
        });
        Interfaces.bringUp("lo");
    }

    /**
     * Nobody is left to read a status or an export: ends with status 1, through the shutdown hooks, which
     * remove this JVM's store ({@code model.store.StoreDirectory}); when a shutdown is already under way
     * (the parent asked first), this waits for it.
     */
    private static void parentGone() {
        System.exit(1);
    }
}
