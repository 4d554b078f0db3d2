#!/usr/bin/env bash
# Scale-out lab (docs/scale-out.md, "Lab figures"): throughput and p99 through HAProxy with 1, 2 and 3 Sluice
# instances sharing their sessions in Redis, and what a client sees while one instance drains.
#
#   benchmarks/scale-out.sh            (after mvn -pl distribution -am package; needs redis-server, haproxy, wrk)
#
# bin/sluice-cluster starts Redis and three instances (sessionStore=redis, drainDelay 3s) once; for each count N
# HAProxy is restarted with the first N instances. A FORM login gives the session every request carries:
# GET /secure/staff/ (FORM-authenticated page: a Redis read and write per request) and GET /hello/ (no session).
# First a warm-up through all three instances (WARMUP, both paths), so no count runs on cold JITs; then
# rounds 1 2 3 1 2 3 (ROUNDS=2), wrk -t2 -c$CONNECTIONS for $DURATION each. CPU per request: user+sys time of
# the instances, HAProxy and Redis over the run (from /proc), divided by the requests wrk counted.
# Then the drain: wrk for DRAIN_SECONDS on /secure/staff/ through 3 instances; after 3 s instance 1 gets SIGTERM.
# Settings (environment): WARMUP (20s), DURATION (15s), CONNECTIONS (16), ROUNDS (2), DRAIN_SECONDS (15), OUT, and the
# SLUICE_CLUSTER_* ports of bin/sluice-cluster (defaults here: 28080.., Redis 28090, statistics 28094).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/sluice"
cluster="$dist/bin/sluice-cluster"
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
DRAIN_SECONDS=${DRAIN_SECONDS:-15}
export SLUICE_CLUSTER_PORT=${SLUICE_CLUSTER_PORT:-28080}
export SLUICE_CLUSTER_REDIS_PORT=${SLUICE_CLUSTER_REDIS_PORT:-28090}
export SLUICE_CLUSTER_STATS_PORT=${SLUICE_CLUSTER_STATS_PORT:-28094}
OUT=${OUT:-$root/benchmarks/results/scale-out-$(date -u +%Y%m%dT%H%M%SZ)}
export SLUICE_CLUSTER_DIR="$OUT/cluster"
mkdir -p "$OUT"
base="http://127.0.0.1:$SLUICE_CLUSTER_PORT"
lua="$root/benchmarks/scripts/status-count.lua"

for p in wrk redis-server haproxy; do
  command -v "$p" >/dev/null || [ -x "/usr/sbin/$p" ] || { echo "scale-out.sh: $p is not installed" >&2; exit 1; }
done
[ -x "$cluster" ] || { echo "scale-out.sh: build the distribution first (mvn -pl distribution -am package)" >&2; exit 1; }
haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)

trap 'SLUICE_CLUSTER_NODES=3 "$cluster" stop >/dev/null 2>&1' EXIT
"$cluster" start || exit 1
kill "$(cat "$SLUICE_CLUSTER_DIR/haproxy.pid")"; rm -f "$SLUICE_CLUSTER_DIR/haproxy.pid"

# Sum of user+sys clock ticks of the given PIDs.
ticks() {
  local sum=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    set -- $(sed 's/^.*) //' "/proc/$pid/stat")
    sum=$((sum + ${12} + ${13}))
  done
  echo "$sum"
}

balancer() { # N: HAProxy in front of the first N instances; returns once they are all UP
  [ -f "$SLUICE_CLUSTER_DIR/haproxy.pid" ] && kill "$(cat "$SLUICE_CLUSTER_DIR/haproxy.pid")" && sleep 0.5
  SLUICE_CLUSTER_NODES=$1 "$cluster" config >"$OUT/haproxy-$1.cfg"
  "$haproxy" -D -f "$OUT/haproxy-$1.cfg" -p "$SLUICE_CLUSTER_DIR/haproxy.pid" || exit 1
  for _ in $(seq 1 100); do
    up=$(curl -s "http://127.0.0.1:$SLUICE_CLUSTER_STATS_PORT/;csv" | grep -c '^sluice,s[0-9],.*,UP,')
    [ "$up" = "$1" ] && return 0
    sleep 0.2
  done
  echo "HAProxy did not see $1 instances UP" >&2; exit 1
}

balancer 3
jar="$OUT/cookies"
curl -s -c "$jar" -b "$jar" -o /dev/null "$base/secure/staff/"
curl -s -c "$jar" -b "$jar" -o /dev/null -d j_username=alice -d j_password=wonderland "$base/secure/j_security_check"
session=$(awk '$6 == "JSESSIONID" && $3 == "/secure" {print $7}' "$jar")
curl -s -H "Cookie: JSESSIONID=$session" "$base/secure/staff/" | grep -q '<strong id="user">alice' \
  || { echo "login failed" >&2; exit 1; }

pids() { cat "$SLUICE_CLUSTER_DIR"/node*/sluice.pid "$SLUICE_CLUSTER_DIR/haproxy.pid" "$SLUICE_CLUSTER_DIR/redis.pid"; }
hz=$(getconf CLK_TCK)
table="$OUT/scale-out.md"
{
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| round | instances | path | requests/s | p50 ms | p99 ms | non-2xx | CPU ms per request (instances + HAProxy + Redis) |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|"
} >"$table"
for path in /secure/staff/ /hello/; do
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: JSESSIONID=$session" "$base$path" >/dev/null 2>&1
done
for round in $(seq 1 "$ROUNDS"); do
  for n in 1 2 3; do
    balancer "$n"
    for path in /secure/staff/ /hello/; do
      before=$(ticks $(pids))
      wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: JSESSIONID=$session" "$base$path" \
        >"$OUT/wrk-$round-$n-${path//\//_}.txt" 2>&1
      after=$(ticks $(pids))
      f="$OUT/wrk-$round-$n-${path//\//_}.txt"
      rps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
      total=$(awk '/requests in/ {print $1}' "$f")
      p50=$(awk '$1 == "50%" {print $2}' "$f")
      p99=$(awk '$1 == "99%" {print $2}' "$f")
      non2xx=$(awk '/Non-2xx/ {print $5}' "$f")
      cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$total" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')
      echo "| $round | $n | $path | $rps | $p50 | $p99 | ${non2xx:-0} | $cpu |" | tee -a "$table"
    done
  done
done

# The drain: three instances, instance 1 stopped 3 s into the run.
balancer 3
wrk -t2 -c"$CONNECTIONS" -d"${DRAIN_SECONDS}s" --latency -s "$lua" -H "Cookie: JSESSIONID=$session" \
  "$base/secure/staff/" >"$OUT/wrk-drain.txt" 2>&1 &
wrk_pid=$!
sleep 3
stop_start=$(date +%s.%N)
"$cluster" stop-node 1
stop_end=$(date +%s.%N)
wait "$wrk_pid"
stats=$(curl -s "http://127.0.0.1:$SLUICE_CLUSTER_STATS_PORT/;csv")
{
  echo
  echo "Drain: wrk -c$CONNECTIONS for ${DRAIN_SECONDS} s on /secure/staff/ through 3 instances; SIGTERM to instance 1 at 3 s,"
  echo "which exited $(awk -v a="$stop_start" -v b="$stop_end" 'BEGIN {printf "%.1f", b - a}') s later (drainDelay 3s, then the graceful stop)."
  echo
  echo '```'
  cat "$OUT/wrk-drain.txt"
  echo "HAProxy per server (name, status, retries wretr, redispatches wredis, connection errors econ, response errors eresp):"
  header=$(echo "$stats" | head -1 | sed 's/^# //')
  echo "$stats" | grep '^sluice,s' | awk -F, -v h="$header" 'BEGIN {n = split(h, names, ","); for (i = 1; i <= n; i++) col[names[i]] = i}
    {print "  " $2 ": " $col["status"] ", wretr " $col["wretr"] ", wredis " $col["wredis"] ", econ " $col["econ"] ", eresp " $col["eresp"]}'
  echo '```'
} | tee -a "$table"
echo "results in $OUT"
