package org.keepalivelab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.Scenarios;

class ScenarioMenuTest {

    @Test
    void anItemIsTheScenariosNameAndQuestion() {
        var abort = Scenarios.named("abort").orElseThrow();
        assertEquals("abort — The client aborted (SO_LINGER 0): what does the server see?",
                ScenarioMenu.itemText(abort, true), "no sysctl: nothing to mark");
    }

    @Test
    void whereSysctlsCannotBeSetAnItemNeedingThemSaysItRunsWithTheKernels() {
        var dataInFlight = Scenarios.named("data-in-flight").orElseThrow();
        assertEquals("data-in-flight — " + dataInFlight.question() + "  (here with the kernel's tcp_retries2)",
                ScenarioMenu.itemText(dataInFlight, true));
        assertEquals("data-in-flight — " + dataInFlight.question(), ScenarioMenu.itemText(dataInFlight, false),
                "where the lab sets them, nothing to mark");
    }
}
