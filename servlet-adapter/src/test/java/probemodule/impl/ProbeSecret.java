package probemodule.impl;

/** Part of the module's implementation: a webapp must not be able to load it. */
public final class ProbeSecret {
    private ProbeSecret() {
    }
}
