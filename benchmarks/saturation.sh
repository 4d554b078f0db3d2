#!/usr/bin/env bash
# Saturation: what clients see from each server when a slow application is overloaded. Every Java server
# runs with 4 workers and room for 4 waiting requests; 64 clients, each on its own keep-alive connection,
# send GET /slow (200 ms of work) back to back, reconnecting at once after a close. SaturationClient
# classifies every attempt: 200, 503, other status, reset, closed without response, timeout, failed connect.
#
#   benchmarks/saturation.sh [--quick]
#
# Settings (environment): SERVERS (default "tomcat jetty sluice sluice-servlet"), SAT_SECONDS (20, quick 5),
# SAT_CONNECTIONS (64), SAT_WORKERS (4), SAT_QUEUE (4), SLOW_MS (200), SAT_TIMEOUT_MS (2000, the client's
# connect and read timeout, as wrk's default), HEAP, SKIP_BUILD=1, OUT.
# Peers' own behaviour with a full queue: Tomcat's executor rejects the socket and closes it; Jetty's
# pool rejects the job; Sluice answers 503 with Retry-After from the selector thread.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

[[ "${1:-}" == --quick ]] && SAT_SECONDS=${SAT_SECONDS:-5}
SAT_SECONDS=${SAT_SECONDS:-20}
SAT_CONNECTIONS=${SAT_CONNECTIONS:-64}
SAT_WORKERS=${SAT_WORKERS:-4}
SAT_QUEUE=${SAT_QUEUE:-4}
SLOW_MS=${SLOW_MS:-200}
SAT_TIMEOUT_MS=${SAT_TIMEOUT_MS:-2000}
SERVERS=${SERVERS:-tomcat jetty sluice sluice-servlet}
OUT=${OUT:-$BENCH_DIR/results/saturation-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
trap cleanup_on_exit EXIT
trap 'exit 130' INT TERM

build || exit 1
table="$OUT/saturation.md"
{
    echo "$SAT_CONNECTIONS clients on GET /slow (${SLOW_MS} ms), $SAT_WORKERS workers, queue $SAT_QUEUE," \
        "${SAT_SECONDS} s, client timeout ${SAT_TIMEOUT_MS} ms. Capacity: $SAT_WORKERS x 1000/$SLOW_MS =" \
        "$((SAT_WORKERS * 1000 / SLOW_MS)) responses/s."
    echo
    echo "| server | 200 | 200/s | 200 p50 ms | 200 p99 ms | 503 | other status | reset | closed, no response | timeout | connect failed |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$table"
for server in $SERVERS; do
    start_server "$server" --threads="$SAT_WORKERS" --queue="$SAT_QUEUE" --slow-ms="$SLOW_MS" \
        || { log "skipping $server"; continue; }
    java -cp "$TARGET/classes" dev.sluice.bench.SaturationClient "$HOST" "$(port_of "$server")" /slow \
        "$SAT_CONNECTIONS" "$SAT_SECONDS" "$SAT_TIMEOUT_MS" > "$OUT/$server.txt" 2>&1
    stop_server
    result=$(grep '^RESULT' "$OUT/$server.txt")
    log "$server: $result"
    v() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$result"; }
    echo "| $server | $(v ok) | $(v ok_per_s) | $(v ok_p50_ms) | $(v ok_p99_ms) | $(v status_503) | $(v other_status) | $(v reset) | $(v closed) | $(v timeout) | $(v connect_failed) |" >> "$table"
done
cat "$table"
