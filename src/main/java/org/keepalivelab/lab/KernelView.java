package org.keepalivelab.lab;

/** How much of the kernel a lab sees where it runs (docs/privileges.md), decided when it starts. */
enum KernelView {
    /** Every segment captured; each socket's state sampled ({@code TCP_INFO}, the kernel's socket table). */
    CAPTURED,
    /** Linux without capture: each socket's state sampled, keep-alive probes inferred from its probe count. */
    SAMPLED,
    /** Off Linux: nothing of the kernel, only what the applications see. */
    NONE
}
