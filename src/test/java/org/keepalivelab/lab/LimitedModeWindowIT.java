package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The window in limited mode: runs {@code org.keepalivelab.ui.LimitedModeWindowCheck} (TestFX, on
 * JavaFX's Headless platform) as nobody with {@code --no-namespace}'s isolation, through JUnit's
 * console launcher, on the test class path and with the JVM options surefire gives the window's tests.
 * As root the lab would capture and sever, so only a run without the privileges reaches limited mode.
 */
class LimitedModeWindowIT {
    private static final String CHECK = "org.keepalivelab.ui.LimitedModeWindowCheck";
    private static final long TIMEOUT_SECONDS = 90;
    private static final Pattern SUCCESSFUL = Pattern.compile("\\[\\s*(\\d+) tests successful\\s*]");
    private static final Pattern FAILED = Pattern.compile("\\[\\s*(\\d+) tests failed\\s*]");

    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofTests();

    @Test
    void windowInLimitedModeShowsTheBannerAndDisablesSeverWithTheReason() throws Exception {
        assertPasses(INSTALLED.lab(), List.of(), CHECK);
    }

    /**
     * Runs the TestFX class {@code check} as nobody under {@code wrapper} through JUnit's console launcher,
     * and fails with the launcher's whole output, once, unless every test in it passed.
     */
    static void assertPasses(UnprivilegedLab lab, List<String> wrapper, String check) throws Exception {
        var run = lab.runJavaWithin(wrapper, TIMEOUT_SECONDS,
                "--enable-native-access=ALL-UNNAMED,javafx.graphics",
                "-Dglass.platform=Headless", "-Dtestfx.robot=glass", "-Dprism.order=sw",
                "-cp", "test-classes:classes:it-lib/*",
                "org.junit.platform.console.ConsoleLauncher", "execute",
                "--disable-banner", "--disable-ansi-colors", "--details=tree", "--fail-if-no-tests",
                "--select-class=" + check);

        assertEquals(0, run.status(), run::output);
        assertTrue(count(SUCCESSFUL, run) >= 1, run::output);
        assertEquals(0, count(FAILED, run), run::output);
    }

    private static int count(Pattern summary, UnprivilegedLab.JavaRun run) {
        var matcher = summary.matcher(run.stdout());
        if (!matcher.find()) {
            throw new AssertionError("No '" + summary + "' in the launcher's summary: " + run.output());
        }
        return Integer.parseInt(matcher.group(1));
    }
}
