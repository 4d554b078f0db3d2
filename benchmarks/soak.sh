#!/usr/bin/env bash
# Soak: the built distribution with a small pool (8 workers, 16 queue places) under, all at once, a steady
# keep-alive load (with sessions), slow requests overflowing pool and queue, large uploads whose echo is checked
# byte by byte, slow readers, clients that reset mid-request, half-sent heads, slowloris and a reader that stops.
# RSS, heap after a full GC, file descriptors, threads and the server's connection, worker, queue and session
# figures are sampled every SAMPLE_SECONDS; at the end nothing may be corrupted, every well-formed request must
# have got 200 or 503, and the server must be back to idle. Runs of 10 minutes or more also require RSS growth
# over the second half under 32 MiB. Exit status 0 only when all of that holds (see docs/reliability.md).
#
#   benchmarks/soak.sh DURATION          e.g. 60s, 30m
#
# Settings (environment): SAMPLE_SECONDS (10), SKIP_BUILD=1 (use what is built), OUT (results folder), DIST (the
# distribution to run; default distribution/target/sluice: copy it elsewhere to rebuild during a long run).
# The load runs in this JVM (dev.sluice.bench.soak.SoakMain); the server is its own process, stopped by PID.
set -euo pipefail
DURATION=${1:?usage: benchmarks/soak.sh DURATION (e.g. 60s, 30m)}
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
DIST=${DIST:-$ROOT_DIR/distribution/target/sluice}
OUT=${OUT:-$BENCH_DIR/results/soak-$(date -u +%Y%m%dT%H%M%SZ)}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "building: mvn -B -q -pl distribution,benchmarks -am package -DskipTests" >&2
    (cd "$ROOT_DIR" && mvn -B -q -pl distribution,benchmarks -am package -DskipTests)
fi
[[ -x "$DIST/bin/sluice" ]] || { echo "no distribution at $DIST: build it first" >&2; exit 1; }
mkdir -p "$OUT"
echo "soak of $DURATION; results in $OUT" >&2
# The servlet API for the soak webapp's class comes from the distribution's lib/.
exec java -Xmx512m -cp "$BENCH_DIR/target/classes:$DIST/lib/*" dev.sluice.bench.soak.SoakMain "$DURATION" "$DIST" \
    "$OUT" "${SAMPLE_SECONDS:-10}"
