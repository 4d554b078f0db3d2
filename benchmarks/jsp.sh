#!/usr/bin/env bash
# JSP rendering: Sluice with its jsp module (Apache Jasper 11.0.14) against embedded Tomcat 11 with its own Jasper,
# serving the same page (src/main/jsp/page.jsp: EL, JSTL c:forEach over 20 items, a custom tag; JSTL in the
# webapp's WEB-INF/lib) at /jsp/page.jsp, measured with wrk on 127.0.0.1.
#
#   benchmarks/jsp.sh            3 rounds, 10 s per run after 5 s of warm-up
#   benchmarks/jsp.sh --quick    1 round, 3 s per run, 2 s warm-up
#
# Settings (environment): ROUNDS, DURATION, WARMUP (seconds), CONNECTIONS (16), MODES ("prod dev": prod is
# development mode off, dev checks the page on every request on both servers), WRK_THREADS (2), HEAP (512m),
# THREADS (200), JAVA_OPTS, SKIP_BUILD=1, OUT (results folder).
#
# Each run starts the server in a fresh JVM (the order alternates between rounds), times the first request (the
# page's compilation), warms up, then runs wrk and reads the server's CPU time from /proc/<pid>/stat. Output:
# $OUT/jsp-runs.tsv, the wrk outputs, each server's first answer, and a summary with medians over rounds.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

if [[ "${1:-}" == --quick ]]; then
    ROUNDS=${ROUNDS:-1}; DURATION=${DURATION:-3}; WARMUP=${WARMUP:-2}
fi
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
MODES=${MODES:-prod dev}
WRK_THREADS=${WRK_THREADS:-2}
OUT=${OUT:-$BENCH_DIR/results/jsp-$(date -u +%Y%m%dT%H%M%SZ)}
JAVA_OPTS="$JAVA_OPTS -Dbench.dir=$BENCH_DIR"
mkdir -p "$OUT/wrk"
trap cleanup_on_exit EXIT
trap 'exit 130' INT TERM

build || exit 1
RUNS="$OUT/jsp-runs.tsv"
echo -e "server\tmode\tround\tfirst_s\treq_per_s\trequests\tcpu_ticks" > "$RUNS"
servers=(tomcat-jsp sluice-jsp)
for ((round = 1; round <= ROUNDS; round++)); do
    order=("${servers[@]}")
    ((round % 2 == 0)) && order=(sluice-jsp tomcat-jsp)
    for mode in $MODES; do
        for server in "${order[@]}"; do
            dev=false; [[ "$mode" == dev ]] && dev=true
            start_server "$server" --threads="$THREADS" --dev="$dev" || { log "skipping $server"; continue; }
            url="http://$HOST:$(port_of "$server")/jsp/page.jsp"
            first=$(curl -s -o "$OUT/$server-first.html" -w '%{time_total}' "$url")
            wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" > /dev/null 2>&1
            file="$OUT/wrk/$server-$mode-r$round.txt"
            before=$(cpu_ticks "$SERVER_PID")
            wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" > "$file" 2>&1
            after=$(cpu_ticks "$SERVER_PID")
            rps=$(awk '/Requests\/sec/ {print $2}' "$file")
            reqs=$(awk '/requests in/ {print $1}' "$file")
            echo "$(date -u +%T) $server $mode r$round loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
            echo -e "$server\t$mode\t$round\t$first\t$rps\t$reqs\t$((after - before))" >> "$RUNS"
            log "$server $mode round $round: first request ${first}s, $rps req/s"
            stop_server
        done
    done
done

if cmp -s "$OUT/tomcat-jsp-first.html" "$OUT/sluice-jsp-first.html"; then
    same="the same bytes"
else
    same="DIFFERENT bytes (see $OUT/*-first.html)"
fi
{
    echo "# JSP page, $ROUNDS round(s), ${DURATION}s, $CONNECTIONS connections, medians; both servers answered $same"
    echo
    echo "| server | mode | req/s | CPU µs per request | first request (compile) s |"
    echo "|---|---|---|---|---|"
    awk -F'\t' -v tck="$CLK_TCK" 'NR > 1 && $6 > 0 {
            key = $1 "\t" $2; n[key]++
            rps[key, n[key]] = $5; cpu[key, n[key]] = $7 * 1e6 / tck / $6; first[key, n[key]] = $4
        }
        function median(a, key, count,   i, j, t, v) {
            for (i = 1; i <= count; i++) v[i] = a[key, i]
            for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
            return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
        }
        END {
            for (key in n) {
                split(key, k, "\t")
                printf "| %s | %s | %.0f | %.1f | %.2f |\n", k[1], k[2], median(rps, key, n[key]),
                    median(cpu, key, n[key]), median(first, key, n[key])
            }
        }' "$RUNS" | sort
} > "$OUT/jsp-results.md"
log "results in $OUT/jsp-results.md"
cat "$OUT/jsp-results.md"
