package org.keepalivelab.linux;

import java.io.IOException;

/** A failed system call: which call, and the kernel's reason ({@code errno} and its text). */
public final class LinuxException extends IOException {
    public static final int EPERM = 1;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ENOPROTOOPT = 92;
    public static final int ENOTCONN = 107;

    private final String call;
    private final int errno;

    LinuxException(String call, int errno) {
        super(call + ": " + LibC.strerror(errno));
        this.call = call;
        this.errno = errno;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    /** True when the kernel refused for lack of a privilege (EPERM or EACCES). */
    public boolean isPermissionDenied() {
        return errno == EPERM || errno == EACCES;
    }
}
