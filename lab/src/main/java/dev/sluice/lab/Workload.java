package dev.sluice.lab;

/**
 * What a sweep step does against its target. The default is one {@link LoadGenerator} run; experiments plug in
 * other client behaviours (browsers fetching pages, idle populations) that report in the same terms.
 */
@FunctionalInterface
public interface Workload {
    Workload LOAD = LoadGenerator::run;

    RunResult run(RunConfig config) throws InterruptedException;
}
