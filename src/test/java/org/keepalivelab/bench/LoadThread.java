package org.keepalivelab.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * The load generator runs in the lab's process but is not part of what is measured: its thread gets a
 * lower scheduling priority (nice 10), as a separate load-generating process would be a separate task.
 */
final class LoadThread {
    private static final int PRIO_PROCESS = 0;
    private static final int NICE = 10;
    private static final MethodHandle GETTID = handle("gettid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle SETPRIORITY = handle("setpriority",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));

    private LoadThread() {
    }

    /** Lowers the calling thread's priority (on Linux, setpriority on a thread id affects that thread only). */
    static void yieldToTheLab() {
        try {
            int tid = (int) GETTID.invokeExact();
            if ((int) SETPRIORITY.invokeExact(PRIO_PROCESS, tid, NICE) != 0) {
                throw new IllegalStateException("setpriority failed for the load thread");
            }
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot lower the load thread's priority", t);
        }
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        var linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), descriptor);
    }
}
