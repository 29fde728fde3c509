#!/usr/bin/env bash
# The cold-start levers on hello, interleaved (one run of each variant per round, so load from
# elsewhere on the machine hits them alike). Needs two builds of examples/hello, each used where it
# was built (an AppCDS archive or AOT cache moved elsewhere no longer matches its class path):
#   FAST=target/quarkus-app of a fast-jar + AppCDS build of a copy of examples/hello
#        (mvnw package -DskipTests -P '!function-aot' -Dquarkus.package.jar.appcds.enabled=true)
#   AOT=examples/hello/target/quarkus-app of the default build (Temurin 25 present)
# Usage: FAST=... AOT=... examples/compare-cold-starts.sh ROUNDS
set -euo pipefail
rounds=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
J17=${J17:-java}
J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
declare -A dir=(
  [jdk17]=$FAST [jdk17-appcds]=$FAST [jdk17-c1-serial]=$FAST [jdk25]=$FAST
  [jdk25-aot]=$AOT [jdk25-aot-c1]=$AOT [jdk25-aot-c1-serial]=$AOT)
declare -A cmd=(
  [jdk17]="$J17 -jar quarkus-run.jar"
  [jdk17-appcds]="$J17 -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar"
  [jdk17-c1-serial]="$J17 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar quarkus-run.jar"
  [jdk25]="$J25 -jar quarkus-run.jar"
  [jdk25-aot]="$J25 -XX:AOTCache=app.aot -jar quarkus-run.jar"
  [jdk25-aot-c1]="$J25 -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -jar quarkus-run.jar"
  [jdk25-aot-c1-serial]="$J25 -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar quarkus-run.jar")
order=(jdk17 jdk17-appcds jdk17-c1-serial jdk25 jdk25-aot jdk25-aot-c1 jdk25-aot-c1-serial)
declare -A times
for ((r = 0; r < rounds; r++)); do
  for v in "${order[@]}"; do
    # shellcheck disable=SC2086
    t=$("$here/measure-cold-start.sh" 1 "${dir[$v]}" -- ${cmd[$v]} | sed -E 's/runs: ([0-9]+) ms.*/\1/')
    times[$v]="${times[$v]:-} $t"
  done
done
for v in "${order[@]}"; do
  sorted=($(printf '%s\n' ${times[$v]} | sort -n))
  n=${#sorted[@]}
  printf '%-22s median %5s ms  (min %s, max %s; runs:%s)\n' "$v" "${sorted[$((n / 2))]}" "${sorted[0]}" "${sorted[-1]}" "${times[$v]}"
done
