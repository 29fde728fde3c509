#!/usr/bin/env bash
# End-to-end cold start through the platform: deploy a function at zero, then time the first
# request through the router (curl's total time), several runs; the function is deleted and
# deployed again before each run so that every run starts from zero.
# Usage (from the repository root, platform built):
#   examples/measure-platform-cold-start.sh RUNS examples/hello/function.yaml [NAME]
set -euo pipefail
runs=$1; spec=$2; name=${3:-hello}
router=18480; control=18481
data=$(mktemp -d)
java -Dquarkus.http.port=$control -Dzeroscale.router.port=$router -Dzeroscale.data-dir="$data" \
  -jar platform/target/quarkus-app/quarkus-run.jar >"$data/platform.log" 2>&1 &
platform=$!
trap 'kill $platform; wait $platform 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$control/q/health/ready"; do sleep 0.2; done
times=()
for ((i = 0; i < runs; i++)); do
  curl -fs -o /dev/null -X DELETE "http://127.0.0.1:$control/api/v1/functions/default/$name" || true
  sleep 3
  curl -fs -o /dev/null -X PUT -H 'Content-Type: application/yaml' --data-binary @"$spec" \
    "http://127.0.0.1:$control/api/v1/functions/default/$name"
  sleep 1
  t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$router/fn/default/$name/")
  times+=("$(awk '{printf "%d", $2 * 1000}' <<<"$t")")
  [[ $t == 200* ]] || { echo "run $i answered $t" >&2; exit 1; }
done
pid=$(curl -fs "http://127.0.0.1:$control/api/v1/functions/default/$name/replicas" \
  | grep -o '"pid":[0-9]*' | head -1 | cut -d: -f2)
echo "replica command: $(tr '\0' ' ' <"/proc/$pid/cmdline")"
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "first response from zero: ${times[*]} ms; median ${sorted[$((runs / 2))]} ms (min ${sorted[0]}, max ${sorted[-1]})"
