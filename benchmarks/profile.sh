#!/usr/bin/env bash
# Where a server's time goes under one wrk scenario: starts it, warms it up, records JFR (settings=profile)
# for the scenario only (jcmd JFR.start / JFR.dump), and prints JfrSummary's markdown.
#
#   benchmarks/profile.sh [SERVER (sluice)] [SCENARIO (keepalive-64)] [package prefix (dev.sluice.)]
#
# Settings (environment): DURATION (20), WARMUP (10), WRK_THREADS (2), HEAP, THREADS, SKIP_BUILD=1, OUT.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

server=${1:-sluice}
scenario=${2:-keepalive-64}
prefix=${3:-dev.sluice.}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
WRK_THREADS=${WRK_THREADS:-2}
OUT=${OUT:-$BENCH_DIR/results/profile-$server-$scenario-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT/wrk"
trap cleanup_on_exit EXIT
trap 'exit 130' INT TERM

build || exit 1
start_server "$server" --threads="$THREADS" || exit 1
wrk -t"$WRK_THREADS" -c64 -d"${WARMUP}s" "http://$HOST:$(port_of "$server")/hello" > /dev/null 2>&1
jcmd "$SERVER_PID" JFR.start name=bench settings=profile > /dev/null
run_scenario "$server" "$scenario" 1
jcmd "$SERVER_PID" JFR.dump name=bench filename="$OUT/$server-$scenario.jfr" > /dev/null
stop_server
java -cp "$TARGET/classes" dev.sluice.bench.JfrSummary "$OUT/$server-$scenario.jfr" "$prefix" 15 \
    | tee "$OUT/summary.md"
log "recording $OUT/$server-$scenario.jfr, summary $OUT/summary.md"
