#!/usr/bin/env bash
# Fuzzes one Jazzer @FuzzTest by hand (docs/reliability.md, "Fuzzing"). `mvn verify` only replays each target's
# committed inputs; this runs the fuzzer itself for SECONDS, niced, and keeps what it learns:
#   - the growing corpus in <module>/.cifuzz-corpus/<Class>/<method>/ (git-ignored; kept between runs),
#   - a finding (a failed property or an unexpected exception) as a new file in the target's
#     src/test/resources/.../<Class>Inputs/<method>/ directory: commit it with the fix, and it is replayed forever.
#
#   benchmarks/fuzz.sh RequestPathFuzzTest#decode 600
#   benchmarks/fuzz.sh --list                         (every target)
#
# The log is <module>/target/fuzz-<Class>-<method>.log; its last "Done N runs in S second(s)" line (or the
# "#N DONE" status line) gives the executions to record. Add -o to MVN_FLAGS when nothing must be downloaded.
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == --list ]]; then
    grep -rl --include='*FuzzTest.java' '@FuzzTest' */src/test/java | while read -r f; do
        cls=$(basename "$f" .java)
        grep -A1 '@FuzzTest' "$f" | grep -o 'void [A-Za-z0-9_]*' | sed "s/void /${cls}#/"
    done
    exit 0
fi
[[ $# -eq 2 && "$1" == *#* ]] || { echo "usage: $0 Class#method SECONDS | --list" >&2; exit 2; }
target=$1
seconds=$2
cls=${target%%#*}
method=${target##*#}
file=$(grep -rl --include="${cls}.java" "class ${cls}" */src/test/java | head -1)
[[ -n "$file" ]] || { echo "no test class $cls" >&2; exit 2; }
module=${file%%/src/*}
log="$module/target/fuzz-$cls-$method.log"
mkdir -p "$module/target"
echo "fuzzing $target in $module for ${seconds}s; log $log"
# JUnit's per-test timeout (60 s in the root pom) would end a long fuzzing run: turned off for this run only.
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" nice -n 19 mvn -B ${MVN_FLAGS:-} -pl "$module" -am \
    -Dsurefire.failIfNoSpecifiedTests=false -Dtest="$target" \
    -Djunit.timeouts="junit.jupiter.execution.timeout.mode = disabled" \
    -Dtest.fork.timeout=$((seconds + 900)) test > "$log" 2>&1
rc=$?
grep -E '^#[0-9]+ +DONE|Done [0-9]+ runs|== Java Exception|FuzzTestFindingException|Tests run:.*Fail' "$log" | tail -5
exit $rc
