package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.lab.SocketSettings;
import org.testfx.api.FxRobot;

/**
 * The Lab kernel card where the lab's namespace is its own: a value outside the kernel's range is refused at
 * its field with the range, and Apply sets a valid one in the namespace, which the story, the status line and
 * the settings' hints then quote.
 *
 * <p>Only a process in a network namespace of its own may set its sysctls without touching the host's: this
 * class is not named like a test, so surefire leaves it alone, and
 * {@code org.keepalivelab.lab.LabKernelWindowIT} runs it as nobody inside {@code unshare -Urn}. Run in the
 * host's namespace it fails on its first assertion rather than write the host's values: as nobody, the kernel
 * refuses them anyway.
 */
class LabKernelWindowCheck {
    private static final Path RETRIES2 = Path.of("/proc/sys/net/ipv4/tcp_retries2");
    private static final Path PROBES = Path.of("/proc/sys/net/ipv4/tcp_keepalive_probes");
    /** As {@link KillScenario#SETTINGS}, but the server's keep-alive count left to the kernel: 1/1/0. */
    private static final LabSettings KERNELS_COUNT = new LabSettings(ServerPolicy.READ_ONCE,
            new SocketSettings(KeepaliveSettings.of(1, 1, KeepaliveSettings.KERNEL_DEFAULT_COUNT), 0),
            SocketSettings.DEFAULT, 2, LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME);

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = new LabWindow(() -> new LabApp(KERNELS_COUNT, Isolation.PRIVATE_NAMESPACE));

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

    /**
     * The server's count is the kernel's: with {@code tcp_keepalive_probes} set to 2 on the card, a sever
     * ends the connection after two unanswered probes ({@code keepalive_probes}, {@code include/net/tcp.h},
     * reads the sysctl at each probe), and the story, the status line and the count's hint say 2, not the
     * namespace's 9 the window started with.
     */
    @Test
    void aCountSetOnTheCardIsTheOneTheStoryTheStatusAndTheHintsQuote() throws Exception {
        window.awaitSeedGreeting();
        KillScenario.await(Duration.ofSeconds(5), "the card's values",
                () -> onFx(() -> robot.lookup("#sysctl-tcp_keepalive_probes").tryQuery().isPresent()));
        String before = Files.readAllLines(PROBES).getFirst().strip();
        try {
            var field = robot.lookup("#sysctl-tcp_keepalive_probes .text-field").queryAs(TextField.class);
            robot.interact(() -> field.setText("2"));
            robot.interact(() -> robot.lookup("#lab-kernel-apply").queryAs(Button.class).fire());
            KillScenario.await(Duration.ofSeconds(5), "the count set", () -> onFx(() -> robot.lookup("#lab-kernel-outcome")
                    .queryAs(Label.class).getText().equals("Set net.ipv4.tcp_keepalive_probes=2.")));
            KillScenario.await(Duration.ofSeconds(5), "the server's count hint", () -> onFx(() -> robot
                    .lookup("#server-settings .hint").queryAs(Label.class).getText()
                    .startsWith("count 0 = kernel default, 2;")));

            var shown = new CopyOnWriteArrayList<String>(); // every text the status line's next step shows
            onFx(() -> {
                robot.lookup("#status-next-step").queryAs(Label.class).textProperty()
                        .addListener((obs, was, is) -> shown.add(is));
                return null;
            });
            onFx(() -> window.app().session().sever(Sever.BOTH)).get(5, TimeUnit.SECONDS);
            // idle 1 s, then two probes 1 s apart, and the give-up at the next: about 3 s after the last segment
            KillScenario.await(Duration.ofSeconds(15), "the server's give-up in the story", () -> onFx(() -> robot
                    .lookup(".story-sentence").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                    .anyMatch(text -> text.startsWith("After 2 unanswered probes (its count) the server's kernel gave up"))));
            assertTrue(shown.stream().anyMatch(text -> text.contains("server: 1 of 2 probes unanswered")),
                    "the status line counts to the card's 2: " + shown);
        } finally {
            Files.writeString(PROBES, before); // the next test's lab starts with the namespace as it was
        }
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
