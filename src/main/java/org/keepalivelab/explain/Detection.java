package org.keepalivelab.explain;

import java.util.Optional;
import org.keepalivelab.model.Side;

/**
 * What one side that outlived a connection's fault learned of it, and when: one record for the
 * surviving side of a kill, abort, close or half-close; one per side for a sever or a middlebox.
 *
 * @param kernel empty while that side's kernel has not ended the connection
 * @param app    empty while that side's application has not learned: a read-once server that never
 *               reads learns nothing even after its kernel closed the socket
 */
public record Detection(int conn, Side side, Fault fault, Optional<KernelFinding> kernel, Optional<AppFinding> app,
                        Basis basis) {
}
