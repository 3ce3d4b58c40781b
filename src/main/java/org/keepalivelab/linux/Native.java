package org.keepalivelab.linux;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** Links C library functions once, and reads the {@code errno} each call captured for itself. */
final class Native {
    private static final Linker LINKER = Linker.nativeLinker();

    /** A downcall option: save {@code errno} into a segment the caller passes first. */
    static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** The layout of the segment a capturing call writes {@code errno} into. */
    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();

    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private Native() {
    }

    @SuppressWarnings("restricted") // native access is enabled by the launcher (--enable-native-access)
    static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        var symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new LinkageError("The C library has no function " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    static int errno(MemorySegment captured) {
        return (int) ERRNO.get(captured, 0L);
    }
}
