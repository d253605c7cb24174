#!/usr/bin/env bash
# Times one build under JDK 17, JDK 25, and JDK 25 with the AOT cache that `mvn package` makes on JDK 25.
#
#   bench/aot.sh --jdk25 DIR [-n RUNS] [--sizes "content 1k"]
#
# DIR is a JDK 25 or newer (its bin/java). A size is "content" (the embedded content/) or a generated corpus
# ("1k", "10k"). The jar is packaged twice from the working tree: with the default java (JDK 17: the jar alone) and
# with JDK 25 (the same jar and target/hindsight.aot, trained on content/). For each size, RUNS rounds, the three
# runtimes interleaved in each round, of:
#   cold  an empty cache folder and no public/
#   warm  the same again after one postmortem is edited (the cache the cold build left)
# Prints a table (median, min-max) and writes bench/results/aot.md. Raw samples are in bench/out/aot/. Nothing here
# runs in CI.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # BENCH, ROOT, OUT, TODAY, count_of, log, ensure_corpus

RUNS=3
SIZES="content 1k"
JDK25=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n|--runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --jdk25) JDK25=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "aot.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -x "$JDK25/bin/java" ]] || { echo "aot.sh: --jdk25 DIR must hold bin/java (a JDK 25 or newer)" >&2; exit 2; }

WORK="$OUT/aot"
rm -rf "$WORK" && mkdir -p "$WORK"
log "packaging with $(java -version 2>&1 | head -n 1)"
(cd "$ROOT" && mvn -B -q -o package -DskipTests)
cp "$ROOT/target/hindsight.jar" "$WORK/hindsight-17.jar"
log "packaging with $("$JDK25/bin/java" -version 2>&1 | head -n 1) (trains the AOT cache)"
(cd "$ROOT" && JAVA_HOME="$JDK25" mvn -B -q -o package -DskipTests)
# JDK 25 runs start target/hindsight.jar itself: the AOT cache records the jar's path, size and time, and is
# not used for any other jar.

# runtime NAME -> the command that starts Hindsight
command_of() {
  case "$1" in
    jdk17) echo "java -jar $WORK/hindsight-17.jar" ;;
    jdk25) echo "$JDK25/bin/java -jar $ROOT/target/hindsight.jar" ;;
    jdk25-aot) echo "$JDK25/bin/java -XX:AOTCache=$ROOT/target/hindsight.aot -jar $ROOT/target/hindsight.jar" ;;
  esac
}

# timed LABEL COMMAND... : runs a command in the site folder, appends "LABEL seconds" to the samples
timed() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" >"$WORK/last.log" 2>&1 || { echo "aot.sh: $label failed:" >&2; tail -5 "$WORK/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$label $(echo "$end - $start" | bc)" >>"$WORK/samples.txt"
}

for size in $SIZES; do
  # content/ holds this year's incidents, so it is built against the real day; corpora against bench's fixed one.
  if [[ $size == content ]]; then src="$ROOT/content"; day=$(date -u +%F); else ensure_corpus "$size"; src="$OUT/corpus-$size"; day=$TODAY; fi
  for round in $(seq 1 "$RUNS"); do
    for rt in jdk17 jdk25 jdk25-aot; do
      site="$WORK/site-$size-$rt"
      rm -rf "$site" && mkdir -p "$site" && cp -r "$src" "$site/content"
      read -r -a cmd <<<"$(command_of "$rt")"
      cd "$site"
      timed "$size $rt cold" "${cmd[@]}" build --today "$day"
      first=$(find content -name '*.md' | LC_ALL=C sort | sed -n 1p) # sed reads all: no SIGPIPE under pipefail
      printf '\nEdited for round %s.\n' "$round" >>"$first"
      timed "$size $rt warm" "${cmd[@]}" build --today "$day"
      cd "$ROOT"
    done
    log "$size round $round done"
  done
done

{
  echo "# JDK 17, JDK 25 and JDK 25 with the AOT cache"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/aot.sh -n $RUNS --sizes \"$SIZES\"\`, $(nproc) cores, rounds interleaved."
  echo
  echo "| site | build | JDK 17 | JDK 25 | JDK 25 + AOT cache | AOT ÷ JDK 17 |"
  echo "|---|---|---:|---:|---:|---:|"
  for size in $SIZES; do
    for kind in cold warm; do
      row="| $size | $kind"
      declare -A med=()
      for rt in jdk17 jdk25 jdk25-aot; do
        vals=$(awk -v l="$size $rt $kind" '{ v=$NF; $NF=""; sub(/ $/, ""); if ($0 == l) print v }' "$WORK/samples.txt" | sort -n)
        n=$(echo "$vals" | wc -l)
        m=$(echo "$vals" | awk -v n="$n" 'NR == int((n + 1) / 2) { a = $1 } NR == int(n / 2) + 1 { b = $1 } END { printf "%.2f", (a + b) / 2 }')
        lo=$(echo "$vals" | head -n 1); hi=$(echo "$vals" | tail -n 1)
        med[$rt]=$m
        row="$row | $m s ($(printf '%.2f' "$lo")–$(printf '%.2f' "$hi"))"
      done
      echo "$row | $(printf "%.2f" "$(echo "scale=4; ${med[jdk25-aot]} / ${med[jdk17]}" | bc)") |"
    done
  done
} | tee "$BENCH/results/aot.md"
