#!/usr/bin/env bash
# Process start -> first HTTP 200, in milliseconds, for a function command; several runs.
# Usage: examples/measure-cold-start.sh RUNS DIR -- COMMAND...
#   e.g. examples/measure-cold-start.sh 5 examples/hello/target/quarkus-app -- java -jar quarkus-run.jar
# Polls GET / every ~2 ms with curl from the moment the process is started; prints one time per
# run, then the median. Each run gets a fresh port; the process is stopped (SIGTERM) after.
set -euo pipefail
runs=$1; dir=$2; shift 3
times=()
for ((i = 0; i < runs; i++)); do
  port=$((31000 + RANDOM % 2000))
  start=$(date +%s%N)
  (cd "$dir" && PORT=$port exec "$@" >/dev/null 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "process exited before answering" >&2; exit 1; fi
    sleep 0.002
  done
  end=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  times+=($(((end - start) / 1000000)))
  sleep 0.5
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "runs: ${times[*]} ms; median ${sorted[$((runs / 2))]} ms (min ${sorted[0]}, max ${sorted[-1]})"
