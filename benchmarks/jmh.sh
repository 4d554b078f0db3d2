#!/usr/bin/env bash
# JMH microbenchmarks of the connector's request-head parser and response writer: ns per operation and,
# with -prof gc, bytes allocated per operation (gc.alloc.rate.norm).
#
#   benchmarks/jmh.sh [--quick] [JMH include regex (default: every *Benchmark class)]
#
# Full: 1 fork, 5 x 2 s warm-up, 5 x 2 s measurement. Quick: 1 fork, 3 x 1 s, 3 x 1 s.
# Settings (environment): SKIP_BUILD=1, OUT, JMH_ARGS (extra JMH flags).
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

iterations=(-wi 5 -w 2s -i 5 -r 2s)
if [[ "${1:-}" == --quick ]]; then
    iterations=(-wi 3 -w 1s -i 3 -r 1s); shift
fi
include=${1:-Benchmark}
OUT=${OUT:-$BENCH_DIR/results/jmh-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"

build || exit 1
# shellcheck disable=SC2086
java -cp "$TARGET/classes:$(cat "$TARGET/classpath-jmh.txt")" org.openjdk.jmh.Main "$include" \
    -f 1 "${iterations[@]}" -prof gc -rf json -rff "$OUT/jmh.json" ${JMH_ARGS:-} | tee "$OUT/jmh.txt"
log "JMH output in $OUT/jmh.txt and $OUT/jmh.json"
