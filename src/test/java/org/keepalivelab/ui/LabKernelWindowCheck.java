package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keepalivelab.lab.Isolation;
import org.testfx.api.FxRobot;

/**
 * The Lab kernel card where the lab's namespace is its own: a value outside the kernel's range is refused at
 * its field with the range, and Apply sets a valid one in the namespace.
 *
 * <p>Only a process in a network namespace of its own may set its sysctls without touching the host's: this
 * class is not named like a test, so surefire leaves it alone, and
 * {@code org.keepalivelab.lab.LabKernelWindowIT} runs it as nobody inside {@code unshare -Urn}. Run in the
 * host's namespace it fails on its first assertion rather than write the host's values: as nobody, the kernel
 * refuses them anyway.
 */
class LabKernelWindowCheck {
    private static final Path RETRIES2 = Path.of("/proc/sys/net/ipv4/tcp_retries2");

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = new LabWindow(() -> new LabApp(KillScenario.SETTINGS, Isolation.PRIVATE_NAMESPACE));

    @Test
    void aValueOutsideTheRangeIsRefusedAtItsFieldAndApplySetsAValidOne() throws Exception {
        // The initial user namespace maps every uid to itself; unshare -Urn's maps one, nobody's, to root.
        assertFalse(Files.readString(Path.of("/proc/self/uid_map")).strip().matches("0\\s+0\\s+4294967295"),
                "This check needs namespaces of its own (LabKernelWindowIT runs it in unshare -Urn)");
        KillScenario.await(Duration.ofSeconds(5), "the card's values",
                () -> onFx(() -> robot.lookup("#sysctl-tcp_retries2").tryQuery().isPresent()));
        var field = robot.lookup("#sysctl-tcp_retries2 .text-field").queryAs(TextField.class);
        var apply = robot.lookup("#lab-kernel-apply").queryAs(Button.class);
        assertTrue(onFx(() -> robot.lookup("#lab-kernel-hint").queryAs(Label.class).getText())
                .startsWith("The lab's own network namespace: these apply to every socket of the lab"));

        robot.interact(() -> field.setText("256"));
        assertEquals("net.ipv4.tcp_retries2 must be 0..255",
                onFx(() -> robot.lookup("#sysctl-tcp_retries2 .field-error").queryAs(Label.class).getText()));
        assertTrue(onFx(apply::isDisabled), "Apply waits for a valid value");

        robot.interact(() -> field.setText("6"));
        assertFalse(onFx(apply::isDisabled));
        robot.interact(apply::fire);
        KillScenario.await(Duration.ofSeconds(5), "the value set", () -> onFx(() -> robot.lookup("#lab-kernel-outcome")
                .queryAs(Label.class).getText().equals("Set net.ipv4.tcp_retries2=6.")));
        assertEquals("6", Files.readAllLines(RETRIES2).getFirst().strip(), "in force in the lab's namespace");
        assertTrue(onFx(apply::isDisabled), "nothing left to apply");
    }

    @Test
    void aScenarioSetsItsSysctlInTheLabsNamespaceAndTheNextPutsItBack() throws Exception {
        String before = Files.readAllLines(RETRIES2).getFirst().strip();
        window.chooseScenario("data-in-flight");
        assertEquals("5", Files.readAllLines(RETRIES2).getFirst().strip(), "set in the lab's own namespace");
        assertEquals("Set net.ipv4.tcp_retries2=5 in the lab's own network namespace for this scenario; the next "
                + "one puts back net.ipv4.tcp_retries2=" + before + ".",
                onFx(() -> robot.lookup("#scenario-kernel-note").queryAs(Label.class).getText()));

        window.chooseScenario("abort");
        assertEquals(before, Files.readAllLines(RETRIES2).getFirst().strip(), "the next scenario's lab has it back");
        assertFalse(onFx(() -> robot.lookup("#scenario-kernel-note").query().isVisible()), "abort needs no sysctl");
    }
}
