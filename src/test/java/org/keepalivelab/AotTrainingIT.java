package org.keepalivelab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run, as {@code ./keepalive-lab} runs it on the packaged program: it must end
 * well, or the launcher drops the cache without a word and every start is slower. It shows the window's
 * content, runs the headless lab with its PNG, and the JVM writes the cache.
 */
class AotTrainingIT {
    private static final Path TARGET = Path.of("target");

    @TempDir
    Path dir;

    @Test
    void endsWellAndLeavesACache() throws Exception {
        var javaHome = Files.readAllLines(TARGET.resolve("launch/java-settings.txt")).stream().map(String::strip)
                .filter(line -> line.startsWith("java.home = ")).findFirst().orElseThrow()
                .substring("java.home = ".length());
        var classPath = new ArrayList<String>(List.of(TARGET.resolve("keepalive-lab.jar").toString()));
        try (Stream<Path> jars = Files.list(TARGET.resolve("launch/lib"))) {
            jars.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().forEach(classPath::add);
        }
        var cache = dir.resolve("training.aot");
        var png = dir.resolve("t.png");
        var command = List.of(Path.of(javaHome, "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED,javafx.graphics",
                "--module-path", TARGET.resolve("launch/javafx").toString(),
                "--add-modules", "javafx.controls,javafx.fxml,javafx.swing",
                "-cp", String.join(File.pathSeparator, classPath),
                "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off", AotTraining.class.getName(),
                "--headless", "--no-namespace", "--until", "1s", "--out", dir.toString(), "--png", png.toString());
        var log = dir.resolve("training.log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the training ends");
        assertAll(
                () -> assertEquals(0, process.exitValue(), () -> read(log)),
                () -> assertTrue(Files.size(png) > 0, "the headless run's PNG"),
                () -> assertTrue(Files.exists(dir.resolve("events.jsonl")), "and its event log"),
                () -> assertTrue(Files.size(cache) > 0, "the cache"));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
