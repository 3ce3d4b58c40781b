package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * The whole program on the path it takes off Linux ({@code -Dkeepalivelab.portable=true}), as nobody:
 * the lab runs and records what the applications see, and nothing Linux's is touched. The JVM is told
 * to refuse the app any native call ({@code --illegal-native-access=deny}; JavaFX keeps its own), and
 * its class loading log shows which of the {@code linux} package's classes were loaded at all: only
 * plain Java ones, which read {@code /proc/sys} where it exists and nothing more.
 */
@Execution(ExecutionMode.CONCURRENT)
class OtherSystemIT {
    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofProgram();

    private static final List<String> OTHER_SYSTEM_JVM = List.of("-Dkeepalivelab.portable=true",
            "--enable-native-access=javafx.graphics", "--illegal-native-access=deny", "-Xlog:class+load=info:stderr");
    private static final Set<String> PLAIN_JAVA = Set.of("KernelSettings", "KernelTimer", "LinuxException", "Sysctl", "TcpSysctl");
    private static final Pattern LINUX_CLASS = Pattern.compile("org\\.keepalivelab\\.linux\\.(\\w+)");

    @Test
    void killedClientIsSeenByTheApplicationsWithoutAnyLinuxInterface() throws Exception {
        var png = INSTALLED.lab().writableDirectory("png").resolve("timeline.png");
        var run = INSTALLED.lab().runWith(List.of(), OTHER_SYSTEM_JVM, "--server-keepalive", "1,1,3",
                "--at", "0s:connect", "--at", "0.2s:send 5", "--at", "0.5s:kill", "--png", png.toString());

        var loaded = new TreeSet<String>();
        LINUX_CLASS.matcher(run.stderr()).results().forEach(match -> loaded.add(match.group(1)));
        var transcript = run.log().transcript();
        assertAll(
                () -> assertEquals(0, run.status(), run::stderr),
                () -> assertTrue(run.banner().startsWith("Application events only: capture, sever and the kernel's socket "
                        + "state use Linux interfaces (AF_PACKET, socket filters, TCP_INFO), and this is Linux "), run::banner),
                () -> assertTrue(run.stderr().contains("org.keepalivelab.lab.Lab "), "the class loading log is there"),
                () -> assertTrue(PLAIN_JAVA.containsAll(loaded), "loaded from the linux package: " + loaded),
                () -> assertEquals(false, run.log().header().get("kernelState")),
                () -> assertTrue(((String) run.log().header().get("capture")).startsWith("Capture needs Linux's AF_PACKET")),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE), transcript.appTypes(1, Side.CLIENT)),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF),
                        transcript.appTypes(1, Side.SERVER)),
                () -> assertEquals(0, transcript.segments(1).count()),
                () -> assertTrue(Files.size(png) > 0, "the PNG export works there too"),
                () -> assertTrue(run.stdout().stream().noneMatch(line -> line.contains("capture.pcap")), "no capture, no pcap"));
    }

    @Test
    void linuxOnlyOptionIsRefusedAsBadInput() throws Exception {
        var run = INSTALLED.lab().runWith(List.of(), OTHER_SYSTEM_JVM, "--orphan-lifetime", "5");

        assertAll(
                () -> assertEquals(2, run.status()),
                () -> assertTrue(run.stderr().contains("The orphan lifetime is Linux's TCP_LINGER2, and this is Linux "), run::stderr),
                () -> assertTrue(run.stderr().contains("leave it at 0 (the system's default)."), run::stderr));
    }
}
