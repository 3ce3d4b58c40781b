package org.keepalivelab.lab;

/**
 * The system under the lab. On Linux the lab watches the kernel through Linux's own interfaces
 * ({@code AF_PACKET}, socket filters, {@code TCP_INFO}, {@code /proc}, namespaces); on any other it has
 * java.net's real sockets and what the applications see, and never touches those interfaces
 * (docs/privileges.md).
 */
final class OperatingSystem {
    /**
     * {@code -Dkeepalivelab.portable=true} takes the other systems' path on Linux too: the tests run it
     * there, as no macOS or Windows machine runs them.
     */
    static final String PORTABLE_PROPERTY = "keepalivelab.portable";

    private OperatingSystem() {
    }

    static boolean linux() {
        return System.getProperty("os.name").equals("Linux") && !Boolean.getBoolean(PORTABLE_PROPERTY);
    }

    /** "Mac OS X 15.1", as the JVM names it; on Linux with the portable path, says so. */
    static String name() {
        String name = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return Boolean.getBoolean(PORTABLE_PROPERTY) ? name + " (on the other systems' path: " + PORTABLE_PROPERTY + ")"
                : name;
    }
}
