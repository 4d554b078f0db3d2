#!/usr/bin/env bash
# Runs the whole connector test suite N times (default 20), each run a fresh JVM as in `mvn verify`, and prints
# how many runs failed and which tests failed. Not a retry: every run counts. Compiles once, offline:
#   connector/stress.sh 20
# Reports of failing runs are kept in connector/target/stress/run-<i>/.
set -u
cd "$(dirname "$0")/.."
runs=${1:-20}
out=connector/target/stress
rm -rf "$out" && mkdir -p "$out"
mvn -B -o -q -pl connector -am test-compile || exit 2
failed=0
for i in $(seq 1 "$runs"); do
    if mvn -B -o -q -pl connector -am test -Dtest='dev/sluice/connector/**/*' \
            -Dsurefire.failIfNoSpecifiedTests=false >"$out/run-$i.log" 2>&1; then
        echo "run $i: passed"
        rm "$out/run-$i.log"
    else
        failed=$((failed + 1))
        mkdir -p "$out/run-$i" && cp connector/target/surefire-reports/*.txt "$out/run-$i/" 2>/dev/null
        echo "run $i: FAILED"
        grep -E '^\[ERROR\] dev\.sluice\..* <<< (FAILURE|ERROR)!' "$out/run-$i.log" | sed 's/^\[ERROR\]/   /' | sort -u
    fi
done
echo "connector suite: $failed of $runs runs failed"
[ "$failed" -eq 0 ]
