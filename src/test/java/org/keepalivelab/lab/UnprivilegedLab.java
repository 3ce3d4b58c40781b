package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keepalivelab.model.store.StoreLocation;

/**
 * Runs the packaged program headless as {@code nobody} (uid 65534), as an ordinary user would: from
 * a world-readable copy of its launch layout ({@code target/classes}, {@code target/launch}), since
 * nobody may not read a checkout under {@code /root}, on the JDK the build recorded; or, from a copy
 * of the test class path, any class with a {@code main}, such as JUnit's console launcher. Needs root,
 * for {@code setpriv}.
 */
final class UnprivilegedLab implements AutoCloseable {
    private static final Path TARGET = Path.of("target");
    private static final long RUN_TIMEOUT_SECONDS = 60;
    private static final int ROOT = 0;
    private static final int NOBODY = 65534;

    /** What one run left behind. */
    record Result(int status, List<String> stdout, String stderr, HeadlessLog.Log log) {
        String banner() {
            return stdout.getFirst();
        }
    }

    private final Path home;
    private final Path java;

    private UnprivilegedLab(Path home, Path java) {
        this.home = home;
        this.java = java;
    }

    static boolean runningAsRoot() throws IOException {
        return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    /** Copies the launch layout into a fresh world-readable directory. */
    static UnprivilegedLab install() throws IOException {
        return install(List.of("classes", "launch"));
    }

    /**
     * Copies the test class path ({@code target/classes}, {@code target/test-classes} and the jars
     * in {@code target/it-lib}) into a fresh world-readable directory, for {@link #runJava}.
     */
    static UnprivilegedLab installTests() throws IOException {
        return install(List.of("classes", "test-classes", "it-lib"));
    }

    private static UnprivilegedLab install(List<String> directories) throws IOException {
        for (var directory : directories) {
            if (!Files.isDirectory(TARGET.resolve(directory))) {
                throw new AssertionError("No " + TARGET.resolve(directory) + ": run these tests with 'mvn verify'");
            }
        }
        var settings = TARGET.resolve("launch/java-settings.txt");
        if (!Files.exists(settings)) {
            throw new AssertionError("No " + settings + ": run these tests with 'mvn verify', after 'package'");
        }
        var javaHome = Files.readAllLines(settings).stream().map(String::strip)
                .filter(line -> line.startsWith("java.home = ")).findFirst()
                .orElseThrow(() -> new AssertionError("No java.home in " + settings))
                .substring("java.home = ".length());
        var home = Files.createTempDirectory("keepalive-lab-it");
        for (var directory : directories) {
            copy(TARGET.resolve(directory), home.resolve(directory));
        }
        try (var files = Files.walk(home)) {
            files.forEach(path -> setPermissions(path, Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        return new UnprivilegedLab(home, Path.of(javaHome, "bin", "java"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (var source : (Iterable<Path>) files::iterator) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    private static void setPermissions(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh directory in the installation that nobody may write to. */
    Path writableDirectory(String prefix) throws IOException {
        var directory = Files.createTempDirectory(home, prefix);
        setPermissions(directory, "rwxrwxrwx");
        return directory;
    }

    /** Puts an executable {@code script} named {@code name} in a directory of its own, and returns the directory. */
    Path bin(String name, String script) throws IOException {
        var bin = Files.createTempDirectory(home, "bin");
        setPermissions(bin, "rwxr-xr-x");
        var file = Files.writeString(bin.resolve(name), script);
        setPermissions(file, "rwxr-xr-x");
        return bin;
    }

    /** Runs {@code keepalive-lab --headless ARGS --out DIR} as nobody. */
    Result run(String... args) throws IOException, InterruptedException {
        return runWithin(List.of(), args);
    }

    /**
     * Runs {@code keepalive-lab --headless ARGS --out DIR} as nobody, under {@code wrapper} (a command
     * that runs the rest of its arguments, such as {@code unshare --user}).
     */
    Result runWithin(List<String> wrapper, String... args) throws IOException, InterruptedException {
        return runWith(wrapper, List.of(LAUNCHER_NATIVE_ACCESS), args);
    }

    /** The launcher's ({@code keepalive-lab}'s) grant: FFM for the app, JNI for JavaFX. */
    static final String LAUNCHER_NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED,javafx.graphics";

    /**
     * Runs {@code keepalive-lab --headless ARGS --out DIR} as nobody, under {@code wrapper}, with
     * {@code jvmOptions} in place of the launcher's {@link #LAUNCHER_NATIVE_ACCESS}.
     */
    Result runWith(List<String> wrapper, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return await(start(wrapper, jvmOptions, args));
    }

    /** Waits for a run started with {@link #start} or {@link #startAsRoot} to end, and reads what it left. */
    static Result await(Running run) throws IOException, InterruptedException {
        if (!run.process().waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            run.process().descendants().forEach(ProcessHandle::destroyForcibly);
            run.process().destroyForcibly();
            throw new AssertionError("The run did not end within " + RUN_TIMEOUT_SECONDS + " s: " + run.process().info());
        }
        var events = run.out().resolve("events.jsonl");
        return new Result(run.process().exitValue(), Files.readAllLines(run.stdout()), Files.readString(run.stderr()),
                Files.exists(events) ? HeadlessLog.read(events) : null);
    }

    /**
     * A run under way: its process (the JVM, as setpriv replaces itself with it), where it writes, and the
     * folder its store goes in ({@code KEEPALIVE_LAB_STORE}), where a JVM's store lives while it runs.
     */
    record Running(Process process, Path out, Path stdout, Path stderr, Path store) {
    }

    /** Starts {@code keepalive-lab --headless ARGS --out DIR} as nobody, as {@link #runWith} does, without waiting. */
    Running start(List<String> wrapper, List<String> jvmOptions, String... args) throws IOException {
        var nobody = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        nobody.addAll(wrapper);
        return startWithin(nobody, NOBODY, jvmOptions, args);
    }

    /**
     * Starts {@code keepalive-lab --headless ARGS --out DIR} as root, this test's own user, from the same
     * installation, with the launcher's grant, without waiting.
     */
    Running startAsRoot(String... args) throws IOException {
        return startWithin(List.of(), ROOT, List.of(LAUNCHER_NATIVE_ACCESS), args);
    }

    /** @param user who runs it: its store's folder must be the user's own ({@code model.store.StoreLocation}) */
    private Running startWithin(List<String> wrapper, int user, List<String> jvmOptions, String... args) throws IOException {
        var out = writableDirectory("out");
        var store = writableDirectory("store");
        Files.setAttribute(store, "unix:uid", user);
        Files.setAttribute(store, "unix:gid", user);
        var command = new ArrayList<>(wrapper);
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("--module-path", "launch/javafx", "--add-modules", "javafx.controls,javafx.swing,javafx.fxml",
                "-cp", "classes:launch/lib/*", "org.keepalivelab.Main", "--headless", "--out", out.toString()));
        command.addAll(List.of(args));
        var stdout = out.resolveSibling(out.getFileName() + ".stdout");
        var stderr = out.resolveSibling(out.getFileName() + ".stderr");
        var builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put(StoreLocation.ENVIRONMENT, store.toString());
        return new Running(builder.start(), out, stdout, stderr, store);
    }

    /** What a {@link #runJava} run printed, and its exit status. */
    record JavaRun(int status, String stdout, String stderr) {
        String output() {
            return "exit status " + status + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /**
     * Runs {@code java JVM_ARGS} as nobody in the installed directory (relative paths resolve there),
     * with a home and temporary directory of its own that nobody may write, since nobody's home
     * ({@code /nonexistent}) does not exist.
     */
    JavaRun runJava(long timeoutSeconds, String... jvmArgs) throws IOException, InterruptedException {
        return runJavaWithin(List.of(), timeoutSeconds, jvmArgs);
    }

    /** Runs {@code java JVM_ARGS} as {@link #runJava} does, under {@code wrapper} (such as {@code unshare -Urn}). */
    JavaRun runJavaWithin(List<String> wrapper, long timeoutSeconds, String... jvmArgs) throws IOException, InterruptedException {
        var own = writableDirectory("home");
        var command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        command.addAll(wrapper);
        command.addAll(List.of(java.toString(), "-Djava.io.tmpdir=" + own, "-Duser.home=" + own));
        command.addAll(List.of(jvmArgs));
        var stdout = own.resolveSibling(own.getFileName() + ".stdout");
        var stderr = own.resolveSibling(own.getFileName() + ".stderr");
        var builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("HOME", own.toString());
        var process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("The run did not end within " + timeoutSeconds + " s: " + command
                    + "\n--- stdout ---\n" + Files.readString(stdout) + "\n--- stderr ---\n" + Files.readString(stderr));
        }
        return new JavaRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * One installation per test class, as a JUnit extension: installed before its tests (which are
     * skipped, with the reason, when not run as root) and removed after them.
     */
    static final class Installation implements BeforeAllCallback, AfterAllCallback {
        private final boolean testClasses;
        private final String purpose;
        private UnprivilegedLab lab;

        private Installation(boolean testClasses, String purpose) {
            this.testClasses = testClasses;
            this.purpose = purpose;
        }

        /** The launch layout, to run the program as nobody. */
        static Installation ofProgram() {
            return new Installation(false, "runs the program as nobody through setpriv, which needs root");
        }

        /** The test class path, to run a test class as nobody. */
        static Installation ofTests() {
            return new Installation(true, "runs the window as nobody through setpriv, which needs root");
        }

        UnprivilegedLab lab() {
            return lab;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            assumeTrue(runningAsRoot(), purpose);
            lab = testClasses ? installTests() : install();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (lab != null) {
                lab.close();
            }
        }
    }
}
