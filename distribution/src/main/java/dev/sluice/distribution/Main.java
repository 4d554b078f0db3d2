package dev.sluice.distribution;

import dev.sluice.distribution.internal.SluiceCommand;

/** Entry point of {@code bin/sluice}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SluiceCommand.execute(args));
    }
}
