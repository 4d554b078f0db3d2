#!/usr/bin/env bash
# Throughput of Sluice side by side with Tomcat 11, Jetty 12.1 (ee10) and nginx on 127.0.0.1, measured with wrk.
#
#   benchmarks/run.sh            full run: 3 rounds, 10 s per scenario after 5 s of warm-up per server
#   benchmarks/run.sh --quick    smoke run: 1 round, 3 s per scenario, 2 s warm-up
#
# Settings (environment): ROUNDS, DURATION, WARMUP (seconds), SERVERS (default "nginx tomcat jetty sluice
# sluice-servlet sluice-dist"; a server that fails to start is skipped), SCENARIOS, WRK_THREADS (2), HEAP (512m),
# THREADS (200), JAVA_OPTS, JFR=1 (JFR profile of each Java server), SKIP_BUILD=1, OUT (results folder).
#
# Servers: nginx, Tomcat and Jetty (embedded, TomcatMain/JettyMain), "sluice" (connector + core handler),
# "sluice-servlet" (connector + servlet adapter, embedded) and "sluice-dist", the distribution as users run it:
# `bin/sluice run` with its defaults (access log on, status pages, hot deploy) and a plain servlet ROOT webapp.
#
# Each round starts every server in a fresh JVM (the order alternates between rounds), warms it up, runs
# every scenario, and reads the server's CPU time (utime+stime of the process and its children from
# /proc/<pid>/stat) before and after each. Output: $OUT/runs.tsv, the raw wrk outputs and $OUT/results.md
# with medians over rounds and the ratios Sluice/Tomcat, Sluice/Jetty and Sluice/nginx.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

if [[ "${1:-}" == --quick ]]; then
    ROUNDS=${ROUNDS:-1}; DURATION=${DURATION:-3}; WARMUP=${WARMUP:-2}
fi
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
WRK_THREADS=${WRK_THREADS:-2}
SERVERS=${SERVERS:-nginx tomcat jetty sluice sluice-servlet sluice-dist}
SCENARIOS=${SCENARIOS:-keepalive-16 keepalive-64 keepalive-256 close-16 pipeline-64x16}
OUT=${OUT:-$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT/wrk"
trap cleanup_on_exit EXIT
trap 'exit 130' INT TERM

build || exit 1
read -r -a servers <<< "$SERVERS"
{
    echo "# $(date -u +%FT%TZ) rounds=$ROUNDS duration=${DURATION}s warmup=${WARMUP}s wrk_threads=$WRK_THREADS"
    echo "# heap=$HEAP threads=$THREADS java_opts=$JAVA_OPTS servers=$SERVERS"
} > "$OUT/runs.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
    # Alternate the order so that no server always runs first (or right after the build).
    order=("${servers[@]}")
    if ((round % 2 == 0)); then
        order=(); for ((i = ${#servers[@]} - 1; i >= 0; i--)); do order+=("${servers[i]}"); done
    fi
    for server in "${order[@]}"; do
        start_server "$server" --threads="$THREADS" || { log "skipping $server in round $round"; continue; }
        wrk -t"$WRK_THREADS" -c64 -d"${WARMUP}s" "http://$HOST:$(port_of "$server")/hello" > /dev/null 2>&1
        read -r -a scenarios <<< "$SCENARIOS"
        for scenario in "${scenarios[@]}"; do
            run_scenario "$server" "$scenario" "$round"
        done
        stop_server
    done
done

java -cp "$TARGET/classes" dev.sluice.bench.ResultsTable "$OUT/runs.tsv" "$CLK_TCK" > "$OUT/results.md"
log "results in $OUT/results.md"
cat "$OUT/results.md"
