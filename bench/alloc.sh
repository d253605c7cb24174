#!/usr/bin/env bash
# Heap allocation of one cold Hindsight build:
#   bench/alloc.sh [--size 10k] [--jar JAR] [--jfr FILE] [--hashes FILE] [--launcher]
#
# Builds the generated corpus bench/out/corpus-SIZE (made when missing) into a fresh temporary destination with an
# empty cache folder, in one JVM run by bench/Alloc.java, which prints the bytes allocated by every thread
# (ThreadMXBean#getTotalThreadAllocatedBytes: independent of heap size and collector) and the wall time.
# --jar      the Hindsight jar to measure (default target/hindsight.jar; run `mvn -B -q -o package -DskipTests`)
# --jfr      also record a JFR profile (settings=profile) there and print its allocation hot spots (bench/jfr-top.mjs)
# --launcher start the JVM with the options bin/hindsight gives a build (C1 alone, serial GC): without C2 there is
#            no escape analysis, so more short-lived objects are allocated than with the JVM's defaults
# --hashes   write the SHA-1 of every output file there (sorted by path): diff two of them to prove a change kept
#            the site byte-identical
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SIZE=10k
JAR="$ROOT/target/hindsight.jar"
JFR=""
HASHES=""
LAUNCHER=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) SIZE=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --jfr) JFR=$2; shift 2 ;;
    --hashes) HASHES=$2; shift 2 ;;
    --launcher) LAUNCHER=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -f "$JAR" ]] || { echo "no $JAR: run mvn -B -q -o package -DskipTests" >&2; exit 2; }
ensure_corpus "$SIZE"

work=$(mktemp -d -t hindsight-alloc.XXXXXX)
trap 'rm -rf "$work"' EXIT
jvm=()
if [[ $LAUNCHER == 1 ]]; then
  # The options bin/hindsight gives every command but serve, read from the script itself.
  read -r -a opts <<< "$(sed -n 's/^  set -- \(-XX:[^"]*\) "\$@"$/\1/p' "$ROOT/bin/hindsight" | head -n 1)"
  [[ ${#opts[@]} -gt 0 ]] || { echo "could not read the build options from bin/hindsight" >&2; exit 2; }
  jvm+=("${opts[@]}")
fi
[[ -n "$JFR" ]] && jvm+=("-XX:StartFlightRecording=filename=$JFR,settings=profile")
log "cold build of $SIZE incidents with $JAR"
java "${jvm[@]}" -cp "$JAR" "$BENCH/Alloc.java" build -s "$ROOT" --content "$OUT/corpus-$SIZE" -d "$work/public" \
  --cache-dir "$work/cache" --today "$TODAY" > "$work/log.txt" 2>&1 || { cat "$work/log.txt" >&2; exit 1; }
grep '^stages' "$work/log.txt"
tail -n 1 "$work/log.txt"
if [[ -n "$HASHES" ]]; then
  (cd "$work/public" && find . -type f -print0 | sort -z | xargs -0 sha1sum) > "$HASHES"
  log "$(wc -l < "$HASHES") output files hashed into $HASHES"
fi
if [[ -n "$JFR" ]]; then
  node "$BENCH/jfr-top.mjs" "$JFR" | sed -n '/^allocation samples/,/^GC:/p'
fi
