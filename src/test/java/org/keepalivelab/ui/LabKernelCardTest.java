package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.linux.TcpSysctl;
import org.testfx.api.FxRobot;

/**
 * The Lab kernel card of a root lab without {@code --sysctl}: it runs in the host's namespace, so the card
 * shows the host's values in force and lets nothing be changed, saying why. (Changing them is
 * {@code LabKernelWindowCheck}'s, in a namespace of its own.)
 */
@ResourceLock("javafx-toolkit")
class LabKernelCardTest {
    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();

    @Test
    void inTheHostsNamespaceTheCardShowsTheValuesInForceAndIsDisabledWithTheReason() throws Exception {
        var kernel = KernelSettings.read();
        KillScenario.await(Duration.ofSeconds(5), "the card's values", () -> onFx(() -> robot.lookup("#sysctl-tcp_retries2").tryQuery().isPresent()));
        for (var sysctl : TcpSysctl.values()) {
            var field = robot.lookup("#sysctl-" + sysctl.shortName() + " .text-field").queryAs(TextField.class);
            assertAll(sysctl.fullName(),
                    () -> assertEquals(String.valueOf(kernel.value(sysctl)), onFx(field::getText)),
                    () -> assertTrue(onFx(field::isDisabled), "disabled"));
        }
        assertEquals("The lab runs in the host's network namespace, whose TCP settings are the machine's: restart with "
                + "--sysctl to give the lab a namespace of its own.",
                onFx(() -> robot.lookup("#lab-kernel-hint").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#lab-kernel-apply").queryAs(Button.class).isDisabled()));
    }
}
