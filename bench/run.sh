#!/usr/bin/env bash
# Hindsight benchmark: Hindsight against Hugo, Hugo + Pagefind and JBake on the same generated corpus.
#
#   bench/run.sh [-n RUNS] [--sizes "1k 10k"] [--skip "jbake serve search"] [--warmup N] [--no-package]
#                [--profile] [--jbake-timeout SECONDS] [--jbake-runs "1k:5 10k:1"] [--serve-runs N] [--serve-size SIZE]
#                [--jvm "JVM FLAGS"] [--appcds] [--xmx-runs "1k:0 10k:1"] [--append ROUNDS_DONE]
#
# Parts (all on by default; --skip removes some; search then reuses the outputs of an earlier run):
#   build   full builds, interleaved round by round: hindsight, hugo, pagefind (on that round's Hugo output),
#           hindsight with -Xmx1g, jbake. Wall time (ms) and peak RSS (/usr/bin/time -v) for each run. Hindsight is
#           started as users start it, by bin/hindsight (which picks its JVM options).
#   defaults inside the build rounds: one more cold Hindsight build started as plain `java -jar`, with the JVM's
#           default options, to show what bin/hindsight's options are worth.
#   nocache inside the build rounds: one more cold Hindsight build with --no-cache (no cache read or written), as a CI
#           job that does not keep the cache runs it.
#   jbake   the JBake 2.6.7 peer inside the build rounds (bench/jbake, its own Maven module).
#   warm    inside the build rounds, after each cold Hindsight build: two builds in a fresh checkout (a new copy of the
#           corpus, no public/) with that build's cache copied in (the copy is timed as cache-restore), one after
#           editing a postmortem and one after adding one, as a content-only merge in CI; and the edit again with
#           -Xmx1g (capped like the -Xmx1g cold runs by --xmx-runs).
#   serve   incremental: `hindsight serve` on the 1k corpus (--serve-size 10k for the larger one), empty cache; time
#           from start to the first page served, then from saving one edited file to the page being served with the
#           change (bench/incremental.mjs), 10 edits; then serve again on the cache the first one left, and its
#           start time to the first page.
#   jit     one more Hindsight build of the largest size with -XX:+CITime: how much of its CPU time the JIT
#           compilers take (not counted in the table's rounds).
#   search  bytes and requests of cold two-word queries, Hindsight vs Pagefind, in headless Chromium
#           (bench/search-bytes.mjs; queries in bench/queries.txt, queries-symptom.txt, queries-paste.txt), on the
#           largest size.
# -n takes one count for every size or one per size ("1k:5 10k:3"). --xmx-runs caps the -Xmx1g runs per size
# the same way. --jbake-runs caps JBake's counted runs per size (it is slow: one 10k bake takes minutes); --serve-runs sets
# how many edits the incremental measurement makes (default 10).
# --jvm adds JVM flags to every Hindsight run (after bin/hindsight's own, so they win); --appcds first records an AppCDS archive of the classes a 1k build loads
# (-XX:ArchiveClassesAtExit) and then starts every Hindsight run from it (-XX:SharedArchiveFile).
# --append N keeps bench/out/raw.tsv and numbers this invocation's rounds after N (more rounds for one table;
# the table is then made from every size in the raw file).
# --profile records a JFR profile of one Hindsight build of the largest size and prints the hot spots.
#
# Output: a table on stdout and bench/results/latest.md; raw samples and logs in bench/out/ (git-ignored).
# Needs: JDK 17, Maven, Node 18+, Debian packages hugo, time, chromium (apt-get install -y hugo time chromium).
# Nothing here runs in CI or in `mvn verify`.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # BENCH, ROOT, OUT, count_of, log, ensure_corpus
RUNS=5
SIZES="1k 10k"
SKIP=""
WARMUP=1
PACKAGE=1
PROFILE=0
JBAKE_TIMEOUT=1200
JBAKE_RUNS=""
XMX_RUNS=""
SERVE_RUNS=10
SERVE_SIZE=1k
HINDSIGHT_JVM="${HINDSIGHT_JVM-}"
APPCDS=0
APPEND=""
BUILD_DIR="${HINDSIGHT_BENCH_BUILD_DIR:-target-bench}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    -n|--runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --skip) SKIP=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-package) PACKAGE=0; shift ;;
    --profile) PROFILE=1; shift ;;
    --jbake-timeout) JBAKE_TIMEOUT=$2; shift 2 ;;
    --jbake-runs) JBAKE_RUNS=$2; shift 2 ;;
    --xmx-runs) XMX_RUNS=$2; shift 2 ;;
    --serve-runs) SERVE_RUNS=$2; shift 2 ;;
    --serve-size) SERVE_SIZE=$2; shift 2 ;;
    --jvm) HINDSIGHT_JVM=$2; shift 2 ;;
    --appcds) APPCDS=1; shift ;;
    --append) APPEND=$2; shift 2 ;;
    -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
skipped() { [[ " $SKIP " == *" $1 "* ]]; }
cap_for() { # "SIZE:N ..." SIZE DEFAULT: the N given for SIZE, else DEFAULT
  local pair; for pair in $1; do [[ "${pair%%:*}" == "$2" ]] && { echo "${pair#*:}"; return; }; done; echo "$3"
}
runs_for() { if [[ "$RUNS" == *:* ]]; then cap_for "$RUNS" "$1" 3; else echo "$RUNS"; fi; }
largest() { local s; for s in $SIZES; do :; done; echo "$s"; }

# --- prerequisites --------------------------------------------------------------------------------------------
missing=()
for tool in java mvn node hugo /usr/bin/time; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ! skipped search && [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then missing+=(chromium); fi
if (( ${#missing[@]} )); then
  echo "run.sh: missing ${missing[*]}. On Debian: apt-get install -y hugo time chromium (plus a JDK 17, maven, nodejs)" >&2
  exit 2
fi
mkdir -p "$OUT/log" "$OUT/run" "$BENCH/results"
if [[ ! -d "$BENCH/node_modules/pagefind" || ! -d "$BENCH/node_modules/playwright-core" ]]; then
  log "installing pagefind and playwright-core into bench/node_modules"
  (cd "$BENCH" && npm install --no-audit --no-fund --silent)
fi
PAGEFIND=$(ls "$BENCH"/node_modules/@pagefind/*/bin/pagefind* 2>/dev/null | grep -v '\.sha256$' | head -1)
[[ -x "$PAGEFIND" ]] || { echo "run.sh: no Pagefind binary under bench/node_modules/@pagefind" >&2; exit 2; }

JAR="$ROOT/$BUILD_DIR/hindsight.jar"
if (( PACKAGE )); then
  log "packaging Hindsight into $BUILD_DIR/ (mvn package -DskipTests)"
  (cd "$ROOT" && mvn -B -q -o -Dhindsight.buildDir="$BUILD_DIR" package -DskipTests)
fi
[[ -f "$JAR" ]] || { echo "run.sh: $JAR not found (drop --no-package)" >&2; exit 2; }
# start_with [JVM FLAGS...]: sets START to the command that starts the jar as users start it (bin/hindsight), with
# --jvm's flags and these after its own. A command, not a function, so /usr/bin/time and & can run it.
start_with() {
  START=(env HINDSIGHT_JAR="$JAR" HINDSIGHT_JAVA_OPTS="$HINDSIGHT_JVM $*" "$ROOT/bin/hindsight")
}
JBAKE_JAR="$BENCH/jbake/target/jbake-peer.jar"
if ! skipped jbake && [[ ! -f "$JBAKE_JAR" || "$BENCH/jbake/pom.xml" -nt "$JBAKE_JAR" ]]; then
  log "packaging the JBake peer (bench/jbake)"
  mvn -B -q -f "$BENCH/jbake/pom.xml" package
fi

# The theme and assets are copied once, so every run of this invocation sees the same templates even while the
# working tree changes.
PROJECT="$OUT/project"
rm -rf "$PROJECT" && mkdir -p "$PROJECT"
cp -r "$ROOT/themes" "$ROOT/assets" "$PROJECT/"

# --- corpora --------------------------------------------------------------------------------------------------
for size in $SIZES; do
  ensure_corpus "$size"
  cp -r "$BENCH/jbake/site/." "$OUT/jbake-$size/"
done

# --- AppCDS archive (optional) -------------------------------------------------------------------------------
if (( APPCDS )); then
  jsa="$OUT/hindsight.jsa"
  rm -f "$jsa" && rm -rf "$OUT/run/cds-train" "$OUT/run/cache-cds-train"
  size=$(for s in $SIZES; do echo "$s"; break; done)
  log "recording an AppCDS archive from one $size build"
  # shellcheck disable=SC2086
  start_with -XX:ArchiveClassesAtExit="$jsa"
  "${START[@]}" build -s "$PROJECT" --content "$OUT/corpus-$size" \
    -d "$OUT/run/cds-train" --cache-dir "$OUT/run/cache-cds-train" --today "$TODAY" > "$OUT/log/appcds.log" 2>&1 || true
  if [[ -f "$jsa" ]]; then HINDSIGHT_JVM="$HINDSIGHT_JVM -XX:SharedArchiveFile=$jsa"; else log "no AppCDS archive: see $OUT/log/appcds.log"; fi
fi
log "Hindsight JVM flags: ${HINDSIGHT_JVM:-(none)}"

# --- measurement ----------------------------------------------------------------------------------------------
RAW="$OUT/raw.tsv"
STAMP=$(date -u +%Y-%m-%dT%H:%MZ)
if [[ -z "$APPEND" || ! -f "$RAW" ]]; then
  printf 'size\tround\ttool\twall_ms\trss_kb\tstatus\tload1\tcpu_ms\n' > "$RAW"
fi
OFFSET=${APPEND:-0}

# measure SIZE ROUND TOOL COMMAND...: one timed run; appends a line to raw.tsv. ROUND 0 is a warm-up.
measure() {
  local size=$1 round=$2 tool=$3; shift 3
  local tf="$OUT/log/time.txt" load status=0 t0 t1 rss cpu
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$tf" "$@" > "$OUT/log/$tool-$size-$round.log" 2>&1 || status=$?
  t1=$(date +%s%N)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {printf "%d", s * 1000}' "$tf")
  if (( round > 0 )); then
    printf '%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n' "$size" "$(( round + OFFSET ))" "$tool" $(( (t1 - t0) / 1000000 )) "${rss:-0}" \
      "$status" "$load" "${cpu:-0}" >> "$RAW"
  fi
  printf '  %-6s round %-2s %-16s %7d ms %8s KB rss  exit %s  load %s\n' "$size" "$round" "$tool" \
    $(( (t1 - t0) / 1000000 )) "${rss:-?}" "$status" "$load" >&2
  return 0
}

hindsight() { # SIZE ROUND TOOL [JVM flags...]
  local size=$1 round=$2 tool=$3; shift 3
  local dest="$OUT/run/$tool-$size"
  rm -rf "$dest" "$OUT/run/cache-$tool-$size"
  # shellcheck disable=SC2086 # the JVM flags are words
  start_with "$@"
  [[ $tool == hindsight-jvm-defaults ]] && START=(java $HINDSIGHT_JVM "$@" -jar "$JAR")
  local flags=()
  [[ $tool == hindsight-no-cache ]] && flags=(--no-cache)
  measure "$size" "$round" "$tool" "${START[@]}" build "${flags[@]}" -s "$PROJECT" --content "$OUT/corpus-$size" -d "$dest" \
    --cache-dir "$OUT/run/cache-$tool-$size" --today "$TODAY"
}
warm_builds() { # SIZE ROUND: from the round's cold cache, in a fresh checkout: one postmortem edited, one added
  # The checkout keeps the corpus folder's name, as a CI checkout keeps content/: the name is part of every load key.
  local size=$1 round=$2 scratch="$OUT/run/warm-$1" change first content
  content="$scratch/corpus-$size"
  for change in edit add xmx1g; do
    [[ $change == xmx1g ]] && (( round > $(cap_for "$XMX_RUNS" "$size" "$(runs_for "$size")") )) && continue
    rm -rf "$scratch" && mkdir -p "$scratch"
    cp -r "$OUT/corpus-$size" "$content"
    first=$(find "$content/postmortems" -name '*.md' | sort | sed -n 1p) # not head: pipefail
    case $change in
      add) sed 's/^title: /title: Seen again, /' "$first" > "$(dirname "$first")/zz-added-$round.md" ;;
      *) sed -i '0,/^## /s//The queue drained slowly after the restart.\n\n## /' "$first" ;;
    esac
    measure "$size" "$round" cache-restore cp -r "$OUT/run/cache-hindsight-$size" "$scratch/cache"
    # shellcheck disable=SC2086
    start_with $([[ $change == xmx1g ]] && echo -Xmx1g)
    measure "$size" "$round" "hindsight-warm-$change" "${START[@]}" build -s "$PROJECT" --content "$content" -d "$scratch/public" --cache-dir "$scratch/cache" --today "$TODAY"
  done
}
hugo_build() {
  local size=$1 round=$2 dest="$OUT/run/hugo-$1"
  rm -rf "$dest"
  measure "$size" "$round" hugo hugo --quiet --noBuildLock --cacheDir "$OUT/hugo-cache" -s "$BENCH/hugo-site" \
    --contentDir "$OUT/corpus-$size" -d "$dest"
}
pagefind_index() {
  local size=$1 round=$2
  rm -rf "$OUT/run/hugo-$size/pagefind"
  measure "$size" "$round" pagefind "$PAGEFIND" --site "$OUT/run/hugo-$size"
}
jbake_bake() {
  local size=$1 round=$2 dest="$OUT/run/jbake-$1"
  rm -rf "$dest"
  measure "$size" "$round" jbake timeout "$JBAKE_TIMEOUT" java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -jar "$JBAKE_JAR" "$OUT/jbake-$size" "$dest"
  if [[ "$(tail -1 "$RAW" | cut -f6)" == 124 ]]; then
    log "JBake hit the ${JBAKE_TIMEOUT}s timeout at $size: no more JBake runs at this size"
    JBAKE_OFF="$JBAKE_OFF $size"
  fi
}

JBAKE_OFF=""
for size in $SIZES; do
  skipped build && break
  cat "$OUT/corpus-$size"/postmortems/*.md > /dev/null # page cache warm for every tool alike
  runs=$(runs_for "$size")
  for (( round = (WARMUP > 0 ? 0 : 1); round <= runs; round++ )); do
    if (( round == 0 )); then log "size $size, warm-up round (not counted)"; else log "size $size, round $round of $runs"; fi
    hindsight "$size" "$round" hindsight
    skipped defaults || hindsight "$size" "$round" hindsight-jvm-defaults
    skipped nocache || hindsight "$size" "$round" hindsight-no-cache
    skipped warm || warm_builds "$size" "$round"
    hugo_build "$size" "$round"
    pagefind_index "$size" "$round"
    if (( round <= $(cap_for "$XMX_RUNS" "$size" "$runs") )); then
      hindsight "$size" "$round" hindsight-xmx1g -Xmx1g
    fi
    if ! skipped jbake && [[ " $JBAKE_OFF " != *" $size "* ]] && (( round > 0 && round <= $(cap_for "$JBAKE_RUNS" "$size" "$(runs_for "$size")") )); then
      jbake_bake "$size" "$round"
    fi
  done
  grep -hE '^(stages:|incidents:|wrote )' "$OUT/log/hindsight-$size-$runs.log" > "$OUT/stages-$size.txt" 2>/dev/null || true
done

# --- JIT share ------------------------------------------------------------------------------------------------
JIT="$OUT/jit.txt"
[[ -n "$APPEND" ]] || rm -f "$JIT"
if ! skipped jit; then
  size=$(largest)
  log "one Hindsight build at $size with -XX:+CITime (JIT compilation time)"
  rm -f "$JIT"
  rm -rf "$OUT/run/jit-$size" "$OUT/run/cache-jit-$size"
  # shellcheck disable=SC2086
  start_with -XX:+UnlockDiagnosticVMOptions -XX:+CITime
  /usr/bin/time -v -o "$OUT/log/jit-time.txt" "${START[@]}" build \
    -s "$PROJECT" --content "$OUT/corpus-$size" -d "$OUT/run/jit-$size" --cache-dir "$OUT/run/cache-jit-$size" \
    --today "$TODAY" > "$OUT/log/jit-$size.log" 2>&1 || log "the CITime build failed: see $OUT/log/jit-$size.log"
  {
    echo "size $size"
    awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {printf "cpu %.1f\n", s}' "$OUT/log/jit-time.txt"
    awk -F'[:]' '/Elapsed \(wall clock\)/ {print "wall " $(NF-1) * 60 + $NF}' "$OUT/log/jit-time.txt"
    (grep -m1 'C1 Compile Time' "$OUT/log/jit-$size.log" || true) | awk '{print "c1 " $4}'
    (grep -m1 'C2 Compile Time' "$OUT/log/jit-$size.log" || true) | awk '{print "c2 " $4}'
  } > "$JIT"
fi

# --- incremental rebuild in serve -----------------------------------------------------------------------------
INCREMENTAL="$OUT/incremental.json"
[[ -n "$APPEND" ]] || rm -f "$INCREMENTAL" # with --append, an earlier invocation's figures stay in the table
if ! skipped serve; then
  rm -f "$INCREMENTAL"
  if java -jar "$JAR" --help 2>/dev/null | grep -qE '^ +serve( |$)'; then
    size=$SERVE_SIZE
    ensure_corpus "$size"
    edit="$OUT/run/serve-content"
    rm -rf "$edit" "$OUT/run/cache-serve" && cp -r "$OUT/corpus-$size" "$edit" # edits go to a copy; the corpus stays pristine
    port=$(( 20000 + RANDOM % 20000 )) # one port for both starts: the port is part of the base URL, so of page keys
    for start in empty warm; do
      # shellcheck disable=SC2086
      start_with
      "${START[@]}" serve -s "$PROJECT" --content "$edit" --port "$port" --cache-dir "$OUT/run/cache-serve" \
        --today "$TODAY" > "$OUT/log/serve-$start.log" 2>&1 &
      serve_pid=$!
      trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
      log "hindsight serve (pid $serve_pid) on port $port, $start cache, $size"
      if [[ $start == empty ]]; then
        node "$BENCH/incremental.mjs" --url "http://127.0.0.1:$port" --content "$edit" --runs "$SERVE_RUNS" --pid "$serve_pid" \
          --size "$size" --json "$INCREMENTAL" || log "incremental measurement failed: see $OUT/log/serve-$start.log"
      else
        node "$BENCH/incremental.mjs" --url "http://127.0.0.1:$port" --content "$edit" --runs 0 --pid "$serve_pid" \
          --size "$size" --json "$OUT/serve-warm-start.json" || log "warm start not measured: see $OUT/log/serve-$start.log"
      fi
      kill "$serve_pid" 2>/dev/null || true
      wait "$serve_pid" 2>/dev/null || true
      trap - EXIT
    done
    if [[ -f "$INCREMENTAL" && -f "$OUT/serve-warm-start.json" ]]; then
      node -e 'const fs = require("fs"); const [a, b] = process.argv.slice(1); const inc = JSON.parse(fs.readFileSync(a));
        inc.warmStartMs = JSON.parse(fs.readFileSync(b)).startMs; fs.writeFileSync(a, JSON.stringify(inc, null, 2));' \
        "$INCREMENTAL" "$OUT/serve-warm-start.json"
    fi
  else
    log "TODO: 'hindsight serve' is not available in this jar yet: incremental rebuild not measured"
  fi
fi

# --- search bytes ---------------------------------------------------------------------------------------------
SEARCH="$OUT/search.json"
[[ -n "$APPEND" ]] || rm -f "$SEARCH"
if ! skipped search; then
  rm -f "$SEARCH"
  size=$(largest)
  log "cold queries at $size (two words, symptom descriptions, pasted paragraphs): Hindsight vs Pagefind in headless Chromium"
  node "$BENCH/search-bytes.mjs" --hindsight "$OUT/run/hindsight-$size" --pagefind "$OUT/run/hugo-$size" \
    --queries "$BENCH/queries.txt,$BENCH/queries-symptom.txt,$BENCH/queries-paste.txt" --json "$SEARCH" \
    || log "search measurement failed"
fi

# --- profile --------------------------------------------------------------------------------------------------
PROFILE_TXT="$OUT/profile.txt"
rm -f "$PROFILE_TXT"
if (( PROFILE )); then
  size=$(largest)
  jfr_file="$OUT/hindsight-$size.jfr"
  rm -rf "$OUT/run/profile-$size" "$OUT/run/cache-profile-$size" "$jfr_file"
  log "JFR profile of one Hindsight build at $size"
  # shellcheck disable=SC2086
  start_with -XX:StartFlightRecording=filename="$jfr_file",settings=profile
  "${START[@]}" build -s "$PROJECT" \
    --content "$OUT/corpus-$size" -d "$OUT/run/profile-$size" --cache-dir "$OUT/run/cache-profile-$size" \
    --today "$TODAY" > "$OUT/log/profile-$size.log" 2>&1 || log "the profiled build failed: see $OUT/log/profile-$size.log"
  node "$BENCH/jfr-top.mjs" "$jfr_file" > "$PROFILE_TXT"
  cat "$PROFILE_TXT"
fi

# --- table ----------------------------------------------------------------------------------------------------
TABLE_SIZES=$SIZES
if [[ -n "$APPEND" ]]; then TABLE_SIZES=$(tail -n +2 "$RAW" | cut -f1 | sort -u | sort -n | tr '\n' ' '); fi
node "$BENCH/tabulate.mjs" --raw "$RAW" --out "$BENCH/results/latest.md" --date "$STAMP" --runs "$RUNS" \
  --sizes "$TABLE_SIZES" --incremental "$INCREMENTAL" --search "$SEARCH" --jit "$JIT" --stages "$OUT" \
  --versions "$(java -version 2>&1 | head -1); $(hugo version | cut -d' ' -f1-2); pagefind $("$PAGEFIND" --version | awk '{print $2}'); jbake 2.6.7; Hindsight run as \`${HINDSIGHT_JVM:+HINDSIGHT_JAVA_OPTS=\"${HINDSIGHT_JVM//$OUT/bench/out}\" }bin/hindsight build\`"
