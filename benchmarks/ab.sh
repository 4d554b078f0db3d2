#!/usr/bin/env bash
# Before/after pairs of one server, interleaved (A B, then B A, ...), each run in a fresh JVM: the way every change
# to the request path is measured on a shared machine. Prints req/s, p99 and the server's CPU seconds per 100k
# requests (utime+stime from /proc), medians over rounds, per tree.
#
#   benchmarks/ab.sh BEFORE_TREE AFTER_TREE      two source trees, each already built (mvn -B -q -pl
#                                                benchmarks,distribution -am package -DskipTests in each), e.g. a
#                                                `git archive <base> | tar -x -C /tmp/base` and this worktree
#   benchmarks/ab.sh TREE TREE                   the same tree twice, with A_FLAGS/B_FLAGS (sluice-dist flags)
#
# Settings (environment): SERVER (sluice-dist; or sluice, sluice-servlet), SCENARIOS (keepalive-64), ROUNDS (3),
# DURATION (8), WARMUP (4), WRK_THREADS (2), A_LABEL/B_LABEL (before/after), A_FLAGS/B_FLAGS, HEAP, THREADS, OUT.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

if (($# != 2)); then
    sed -n '2,13p' "$0" >&2
    exit 2
fi
A_TREE=$(cd "$1" && pwd); B_TREE=$(cd "$2" && pwd)
SERVER=${SERVER:-sluice-dist}
SCENARIOS=${SCENARIOS:-keepalive-64}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-4}
WRK_THREADS=${WRK_THREADS:-2}
A_LABEL=${A_LABEL:-before}; B_LABEL=${B_LABEL:-after}
A_FLAGS=${A_FLAGS:-}; B_FLAGS=${B_FLAGS:-}
OUT=${OUT:-$BENCH_DIR/results/ab-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT/wrk"
trap cleanup_on_exit EXIT
trap 'exit 130' INT TERM
RESULTS_CLASSES="$BENCH_DIR/target/classes"   # ResultsTable of this tree

echo "# $(date -u +%FT%TZ) ab $SERVER $A_LABEL=$A_TREE ($A_FLAGS) $B_LABEL=$B_TREE ($B_FLAGS) rounds=$ROUNDS duration=${DURATION}s" \
    > "$OUT/runs.tsv"
run_tree() {
    local label=$1 tree=$2 flags=$3 round=$4 scenario
    TARGET="$tree/benchmarks/target" DIST="$tree/distribution/target/sluice" DIST_FLAGS="$flags"
    start_server "$SERVER" --threads="$THREADS" || { log "skipping $label in round $round"; return; }
    wrk -t"$WRK_THREADS" -c64 -d"${WARMUP}s" "http://$HOST:$(port_of "$SERVER")/hello" > /dev/null 2>&1
    for scenario in $SCENARIOS; do
        RUN_LABEL=$label run_scenario "$SERVER" "$scenario" "$round"
    done
    stop_server
}
for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2 == 1)); then
        run_tree "$A_LABEL" "$A_TREE" "$A_FLAGS" "$round"; run_tree "$B_LABEL" "$B_TREE" "$B_FLAGS" "$round"
    else
        run_tree "$B_LABEL" "$B_TREE" "$B_FLAGS" "$round"; run_tree "$A_LABEL" "$A_TREE" "$A_FLAGS" "$round"
    fi
done
java -cp "$RESULTS_CLASSES" dev.sluice.bench.ResultsTable "$OUT/runs.tsv" "$CLK_TCK" | sed '/^Ratios/,$d' > "$OUT/results.md"
log "results in $OUT/results.md (load averages in $OUT/load.log)"
cat "$OUT/results.md"
