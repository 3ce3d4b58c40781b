package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.linux.TcpSysctl;

/** The lab's own sysctls: their names, the kernel's ranges, and where they may be set. */
class LabSysctlTest {

    @ParameterizedTest
    @CsvSource({
        "tcp_retries2=5, TCP_RETRIES2, 5",
        "net.ipv4.tcp_retries2=5, TCP_RETRIES2, 5",
        "net/ipv4/tcp_fin_timeout = 7, TCP_FIN_TIMEOUT, 7",
        "tcp_keepalive_time=2147483, TCP_KEEPALIVE_TIME, 2147483",
        "tcp_keepalive_intvl=0, TCP_KEEPALIVE_INTVL, 0",
        "tcp_keepalive_probes=255, TCP_KEEPALIVE_PROBES, 255",
        "tcp_orphan_retries=0, TCP_ORPHAN_RETRIES, 0",
        "tcp_syn_retries=127, TCP_SYN_RETRIES, 127",
    })
    void shortAndFullNamesAndTheRangesEdgesAreTaken(String text, TcpSysctl sysctl, int value) {
        assertEquals(new LabSysctl(sysctl, value), LabSysctl.parse(text));
    }

    /**
     * One past each bound: the kernel refuses the counts' itself (written in unshare -Urn, Linux 6.18); the
     * times' upper bound is INT_MAX / 1000, what a kernel of any HZ takes, and a negative time means nothing.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp_retries2=256 | net.ipv4.tcp_retries2 must be 0..255, not 256",
        "tcp_orphan_retries=-1 | net.ipv4.tcp_orphan_retries must be 0..255, not -1",
        "tcp_keepalive_probes=256 | net.ipv4.tcp_keepalive_probes must be 0..255, not 256",
        "tcp_syn_retries=128 | net.ipv4.tcp_syn_retries must be 1..127, not 128",
        "tcp_syn_retries=0 | net.ipv4.tcp_syn_retries must be 1..127, not 0",
        "tcp_keepalive_time=2147484 | net.ipv4.tcp_keepalive_time must be 0..2147483 s, not 2147484",
        "tcp_keepalive_intvl=-1 | net.ipv4.tcp_keepalive_intvl must be 0..2147483 s, not -1",
    })
    void aValueOutsideTheKernelsRangeIsRefusedWithTheRange(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> LabSysctl.parse(text)).getMessage());
    }

    @Test
    void onlyTheLabsOwnNamespaceTakesThem() {
        var sysctls = List.of(LabSysctl.parse("tcp_retries2=5"));
        LabKernel.checkOffered(sysctls, Isolation.PRIVATE_NAMESPACE);
        LabKernel.checkOffered(sysctls, Isolation.NETWORK_NAMESPACE);
        LabKernel.checkOffered(List.of(), Isolation.HOST);
        assertAll(
                () -> assertTrue(refusal(sysctls, Isolation.HOST).endsWith("restart with --sysctl to give the lab a "
                        + "namespace of its own.")),
                () -> assertTrue(refusal(sysctls, Isolation.refused("unshare failed")).contains("none could be made "
                        + "(unshare failed): allow unprivileged user namespaces")),
                () -> assertTrue(refusal(sysctls, Isolation.otherSystem("Mac OS X 15.1")).contains("this is Mac OS X 15.1")));
    }

    private static String refusal(List<LabSysctl> sysctls, Isolation isolation) {
        return assertThrows(IllegalArgumentException.class, () -> LabKernel.checkOffered(sysctls, isolation)).getMessage();
    }

    @Test
    void theKernelsValuesInForceAreReadInTheirOrderByFullName() {
        var kernel = KernelSettings.read();
        var names = kernel.sysctl().sequencedKeySet().stream().toList();
        assertEquals(List.of("net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
                "net.ipv4.tcp_retries2", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_orphan_retries",
                "net.ipv4.tcp_syn_retries"), names);
        for (var sysctl : TcpSysctl.values()) {
            assertEquals(sysctl.read(), kernel.value(sysctl), sysctl.fullName());
            assertTrue(LabSysctl.range(sysctl).contains(kernel.value(sysctl)), sysctl + " in force is in its range");
        }
    }
}
