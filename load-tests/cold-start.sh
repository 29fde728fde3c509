#!/usr/bin/env bash
# Cold start of examples/hello: alone vs through zeroscale, in one run (interim script until the
# load-tests module exists). Usage: load-tests/cold-start.sh [ROUNDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
[[ -f platform/target/quarkus-app/quarkus-run.jar && -f examples/hello/target/quarkus-app/quarkus-run.jar ]] \
  || ./mvnw -B -ntp -DskipTests package
data="$(mktemp -d)"
java -Dquarkus.http.port=18081 -Dzeroscale.router.port=18080 -Dzeroscale.data-dir="$data" \
  -jar platform/target/quarkus-app/quarkus-run.jar > "$data/platform.log" 2>&1 &
platform=$!
trap 'kill $platform 2>/dev/null; wait $platform 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf http://localhost:18081/q/health/ready > /dev/null && break
  sleep 0.25
done
java load-tests/ColdStart.java "$rounds" http://localhost:18081 http://localhost:18080
