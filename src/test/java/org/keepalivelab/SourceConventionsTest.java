package org.keepalivelab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions a newcomer cannot see but every file keeps: imports in one order, no class named by
 * its full name in code, and no pointer to a file outside this repository. Checkstyle would do the
 * first two, but the version that runs on the Java 17 Maven uses here cannot parse Java 25 sources
 * (statements before {@code super(…)}), so the rules are checked here, on the JDK 25 that runs the tests.
 */
class SourceConventionsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** A qualified type name in code: {@code java.util.ArrayList}, {@code org.keepalivelab.ui.LabApp}. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "(?<![\\w.\"/])(?:java|javax|javafx|jdk|org|picocli|tools)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");
    private static final Pattern OUTSIDE_POINTER = Pattern.compile("DESIGN\\.md|\\.\\./shared");

    @Test
    void importsAreStaticFirstThenTheRestInLexicographicOrder() {
        var wrong = new ArrayList<String>();
        for (var file : javaSources()) {
            var imports = lines(file).stream().filter(line -> line.startsWith("import ")).toList();
            var statics = imports.stream().filter(line -> line.startsWith("import static ")).toList();
            var others = imports.stream().filter(line -> !line.startsWith("import static ")).toList();
            var expected = new ArrayList<String>(statics.stream().sorted().toList());
            expected.addAll(others.stream().sorted().toList());
            if (!expected.equals(imports)) {
                wrong.add(ROOT.relativize(file).toString());
            }
        }
        assertEquals(List.of(), wrong, "files whose imports are out of order");
    }

    @Test
    void codeNamesNoClassByItsFullName() {
        var wrong = new ArrayList<String>();
        for (var file : javaSources()) {
            var lines = lines(file);
            boolean inComment = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("/*")) {
                    inComment = true;
                }
                boolean code = !inComment && !line.startsWith("//") && !line.startsWith("import ")
                        && !line.startsWith("package ") && !line.startsWith("*");
                if (line.contains("*/")) {
                    inComment = false;
                }
                if (code && QUALIFIED_NAME.matcher(withoutStringsAndComments(line)).find()) {
                    wrong.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertEquals(List.of(), wrong, "import these instead");
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        var wrong = new ArrayList<String>();
        try (var files = Stream.of("src", "docs", "scripts").map(ROOT::resolve).flatMap(SourceConventionsTest::walk)) {
            Stream.concat(files, Stream.of("README.md", "pom.xml", "keepalive-lab", "benchmark").map(ROOT::resolve))
                    .filter(Files::isRegularFile)
                    .filter(file -> !file.toString().endsWith(".png"))
                    .filter(file -> !file.endsWith("SourceConventionsTest.java"))
                    .forEach(file -> {
                        var lines = lines(file);
                        for (int i = 0; i < lines.size(); i++) {
                            if (OUTSIDE_POINTER.matcher(lines.get(i)).find()) {
                                wrong.add(ROOT.relativize(file) + ":" + (i + 1));
                            }
                        }
                    });
        }
        assertEquals(List.of(), wrong, "say it in docs/ instead");
    }

    private static String withoutStringsAndComments(String line) {
        return line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//.*", "").replaceAll("/\\*.*?\\*/", "");
    }

    private static List<Path> javaSources() {
        try (var files = Stream.of("src/main/java", "src/test/java").map(ROOT::resolve).flatMap(SourceConventionsTest::walk)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.walk(dir) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
