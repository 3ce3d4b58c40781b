package org.keepalivelab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppVersionTest {

    @Test
    void theVersionIsThePomsFilteredIntoTheResource() {
        assertTrue(AppVersion.version().matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"), AppVersion.version());
        assertEquals("Keepalive Lab " + AppVersion.version(), AppVersion.nameAndVersion());
    }
}
