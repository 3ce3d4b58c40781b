package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    private static UnprivilegedLab lab;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(UnprivilegedLab.runningAsRoot(), "runs the window as nobody through setpriv, which needs root");
        lab = UnprivilegedLab.installTests();
    }

    @AfterAll
    static void remove() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void windowInLimitedModeShowsTheBannerAndDisablesSeverWithTheReason() throws Exception {
        var run = lab.runJava(TIMEOUT_SECONDS,
                "--enable-native-access=ALL-UNNAMED,javafx.graphics",
                "-Dglass.platform=Headless", "-Dtestfx.robot=glass", "-Dprism.order=sw",
                "-cp", "test-classes:classes:it-lib/*",
                "org.junit.platform.console.ConsoleLauncher", "execute",
                "--disable-banner", "--disable-ansi-colors", "--details=tree", "--fail-if-no-tests",
                "--select-class=" + CHECK);

        // The launcher's whole output, once, with the first assertion that fails.
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
