#!/usr/bin/env bash
# Times the publish workflow's steps for a merge that changes only content (.github/workflows/publish.yml).
#
#   bench/ci-steps.sh [-n RUNS] [--sizes "1k 10k"]
#
# For each size, a fresh checkout (git archive of HEAD) gets the generated corpus as content/, is packaged and built
# cold once, and the jar and .hindsight-cache are archived as actions/cache archives them (tar --posix, zstd
# --long=30; gzip where zstd is missing): that is the previous main's cache. Then, RUNS times, from a checkout with
# no target/, .hindsight-cache/ or public/ and one postmortem edited:
#   restore  extract the .hindsight-cache archive            (actions/cache restore, download not included)
#   jar hit  extract the jar archive                         (actions/cache restore of target/hindsight.jar and
#                                                             the archive packaging trained beside it)
#   build    bin/hindsight build, warm (as the workflow starts it)
#   save     archive .hindsight-cache again                  (actions/cache save, upload not included)
#   jar miss mvn -B -q -o package -DskipTests                (what a change to src/main, themes/ or assets/ costs,
#                                                             ~/.m2 already restored)
# Prints a table (median, min-max over RUNS, default 3) and writes bench/results/ci-steps.md. Raw samples and the
# scratch checkouts are in bench/out/ (git-ignored). Needs a JDK 17, Maven with ~/.m2 filled (-o), git, tar.
# Nothing here runs in CI or in `mvn verify`.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # BENCH, ROOT, OUT, TODAY, count_of, log, ensure_corpus

RUNS=3
SIZES="1k"
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n|--runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "ci-steps.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for tool in java mvn git tar; do command -v "$tool" >/dev/null || { echo "ci-steps.sh: missing $tool" >&2; exit 2; }; done

# What actions/cache runs: zstd when the runner has it (ubuntu-latest does), else gzip.
if command -v zstd >/dev/null; then
  EXT=tzst; PACK=(--use-compress-program "zstd -T0 --long=30"); UNPACK=(--use-compress-program "unzstd --long=30")
else
  EXT=tgz; PACK=(-z); UNPACK=(-z)
fi
archive() { local to=$1 dir=$2; shift 2; tar --posix -cf "$to" "${PACK[@]}" -C "$dir" "$@"; } # ARCHIVE DIR PATH...
extract() { tar -xf "$1" "${UNPACK[@]}" -C "$2"; }             # ARCHIVE DIR

RAW="$OUT/ci-steps.tsv"
mkdir -p "$OUT/log" "$BENCH/results"
printf 'size\tstep\trun\tms\n' > "$RAW"

# timed SIZE STEP RUN COMMAND...: runs the command (output to a log), appends its wall time to raw.
timed() {
  local size=$1 step=$2 run=$3; shift 3
  local t0 t1 logf="$OUT/log/ci-$size-${step// /-}-$run.log"
  t0=$(date +%s%N)
  "$@" > "$logf" 2>&1 || { log "$step failed at $size (run $run): see $logf"; exit 1; }
  t1=$(date +%s%N)
  printf '%s\t%s\t%s\t%d\n' "$size" "$step" "$run" $(( (t1 - t0) / 1000000 )) >> "$RAW"
  log "  $size run $run: $step $(( (t1 - t0) / 1000000 )) ms"
}

NOTES=()
for size in $SIZES; do
  ensure_corpus "$size"
  work="$OUT/ci-$size"
  co="$work/checkout"
  rm -rf "$work" && mkdir -p "$co"
  git -C "$ROOT" archive HEAD | tar -x -C "$co"
  rm -rf "$co/content" && cp -r "$OUT/corpus-$size" "$co/content"
  build() { (cd "$co" && bin/hindsight build --today "$TODAY"); }

  log "$size: packaging and building cold once: the previous main's jar and cache"
  (cd "$co" && mvn -B -q -o package -DskipTests) > "$OUT/log/ci-$size-prepare.log" 2>&1
  timed "$size" "cold build (reference)" 1 build
  archive "$work/jar.$EXT" "$co" target/hindsight.jar $(cd "$co" && ls target/hindsight.aot target/hindsight.jsa 2>/dev/null)
  archive "$work/cache.$EXT" "$co" .hindsight-cache
  jar_sum=$(sha256sum < "$co/target/hindsight.jar")

  edited=$(find "$co/content/postmortems" -name '*.md' | LC_ALL=C sort | sed -n "$(( $(count_of "$size") / 2 ))p")
  for (( run = 1; run <= RUNS; run++ )); do
    rm -rf "$co/target" "$co/.hindsight-cache" "$co/public"
    cp "$OUT/corpus-$size/postmortems/$(basename "$edited")" "$edited"
    printf '\nA sentence added by the merge that this run publishes (run %d).\n' "$run" >> "$edited"
    timed "$size" "restore .hindsight-cache" "$run" extract "$work/cache.$EXT" "$co"
    timed "$size" "jar hit (restore)" "$run" extract "$work/jar.$EXT" "$co"
    timed "$size" "build, warm, one postmortem edited" "$run" build
    timed "$size" "save .hindsight-cache" "$run" archive "$work/saved.$EXT" "$co" .hindsight-cache
    rm -rf "$co/target"
    timed "$size" "jar miss (mvn -o package)" "$run" bash -c "cd '$co' && mvn -B -q -o package -DskipTests"
  done
  same=$([[ "$(sha256sum < "$co/target/hindsight.jar")" == "$jar_sum" ]] && echo "byte-identical to" || echo "differs from")
  wrote=$(grep -h '^wrote ' "$OUT/log/ci-$size-build,-warm,-one-postmortem-edited-$RUNS.log" | sed "s#$co/##")
  stages=$(grep -h '^stages: ' "$OUT/log/ci-$size-build,-warm,-one-postmortem-edited-$RUNS.log")
  NOTES+=("$size: cache archive $(du -h "$work/cache.$EXT" | cut -f1), jar archive $(du -h "$work/jar.$EXT" | cut -f1); warm build: $wrote; $stages. A jar packaged again from the same sources is $same the cached one.")
done

# --- table ------------------------------------------------------------------------------------------------------
fmt() { awk -v ms="$1" 'BEGIN { if (ms < 1000) printf "%d ms", ms; else if (ms < 10000) printf "%.2f s", ms / 1000; else printf "%.1f s", ms / 1000 }'; }
summary() { # SIZE STEP: "median|min|max" of the step's runs
  awk -F'\t' -v s="$1" -v st="$2" '$1 == s && $2 == st { print $4 }' "$RAW" | sort -n |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m "|" v[1] "|" v[NR] "|" NR }'
}
total() { # SIZE JAR-STEP: per-run sum of restore + jar + build + save, as raw lines
  awk -F'\t' -v s="$1" -v j="$2" '$1 == s && ($2 == j || $2 ~ /^(restore |build,|save )/) { t[$3] += $4 }
    END { for (r in t) printf "%s\ttotal\t%s\t%d\n", s, r, t[r] }' "$RAW"
}
{
  echo "# CI steps of a content-only merge"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/ci-steps.sh -n $RUNS --sizes \"$SIZES\"\` on $(nproc) cores"
  echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end;"
  echo "$(java -version 2>&1 | head -1); archives as actions/cache makes them ($EXT). Network transfer of the caches is not included."
  echo
  echo "| corpus | step | median | min–max | runs |"
  echo "|---|---|---:|---:|---:|"
  for size in $SIZES; do
    total "$size" "jar hit (restore)" | sed 's/\ttotal\t/\ttotal, jar hit\t/' >> "$RAW"
    total "$size" "jar miss (mvn -o package)" | sed 's/\ttotal\t/\ttotal, jar miss\t/' >> "$RAW"
    for step in "cold build (reference)" "restore .hindsight-cache" "jar hit (restore)" "jar miss (mvn -o package)" \
        "build, warm, one postmortem edited" "save .hindsight-cache" "total, jar hit" "total, jar miss"; do
      IFS='|' read -r med lo hi n <<< "$(summary "$size" "$step")"
      label=$step; [[ "$step" == total* ]] && label="**$step** (restore + jar + build + save)"
      echo "| $size | $label | $(fmt "$med") | $(fmt "$lo")–$(fmt "$hi") | $n |"
    done
  done
  echo
  for note in "${NOTES[@]}"; do echo "- $note"; done
} > "$BENCH/results/ci-steps.md"
cat "$BENCH/results/ci-steps.md"
