package org.keepalivelab.linux;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.stream.Stream;

/**
 * Links C library functions once, and reads the {@code errno} each call captured for itself.
 *
 * <p>The struct layouts of this package are those of 64-bit Linux (x86-64, aarch64: LP64), where a
 * pointer, a {@code long} and a {@code size_t} are 8 bytes each.
 */
final class Native {
    private static final Linker LINKER = Linker.nativeLinker();

    /** The layout of the segment a capturing call writes {@code errno} into. */
    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();

    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private Native() {
    }

    /** A function that sets no {@code errno} the caller reads. */
    @SuppressWarnings("restricted") // native access is enabled by the launcher (--enable-native-access)
    static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        var symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new LinkageError("The C library has no function " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /**
     * A function whose {@code errno} the handle saves into a segment of {@link #CAPTURE_LAYOUT}, its
     * first argument: each call brings its own, so no thread sees another's {@code errno}.
     */
    static MethodHandle downcallWithErrno(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return downcall(name, descriptor, Stream.concat(Stream.of(CAPTURE_ERRNO), Stream.of(options))
                .toArray(Linker.Option[]::new));
    }

    static int errno(MemorySegment captured) {
        return (int) ERRNO.get(captured, 0L);
    }
}
