package org.keepalivelab.linux;

import java.io.IOException;

/** A failed system call: which call, and the kernel's reason ({@code errno} and its text). */
public final class LinuxException extends IOException {
    public static final int EPERM = 1;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;

    private final int errno;

    LinuxException(String call, int errno) {
        super(call + ": " + LibC.strerror(errno));
        this.errno = errno;
    }

    /** True when the kernel refused for lack of a privilege (EPERM or EACCES). */
    public boolean isPermissionDenied() {
        return errno == EPERM || errno == EACCES;
    }
}
