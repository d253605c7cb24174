#!/usr/bin/env bash
# Relevance of symptom queries, Pagefind against Hindsight's own search page, on the same Hindsight site.
#
#   bench/relevance.sh [--keep] [--json-dir DIR] [COLLECTION...]
#
# Collections: `content` (the project's content/ folder) and every folder of ../shared/corpus that exists, each
# with its queries in src/test/resources/search/symptoms/<collection>.tsv; name some to run only those. Each one is
# built by Hindsight into a temporary folder (java -jar target/hindsight.jar build), indexed by Pagefind, and
# measured by bench/relevance.mjs (MRR@10 and targets in the first 10, headless Chromium). Prints one Markdown table.
# target/hindsight.jar is packaged (mvn -o package -DskipTests) only when it is missing; it is copied first, so a
# rebuild of target/ during the run does not mix two versions. --keep keeps the temporary folder (sites, logs,
# per-query JSON); --json-dir DIR copies each collection's JSON there.
# Needs: JDK 17, Maven (only to package the jar), Node 18+, Chromium (/usr/bin/chromium, or $CHROMIUM).
# Nothing here runs in CI or in `mvn verify`.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
CORPUS="$ROOT/../shared/corpus"
SYMPTOMS="$ROOT/src/test/resources/search/symptoms"
KEEP=0
JSON_DIR=""
ONLY=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) KEEP=1; shift ;;
    --json-dir) JSON_DIR=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "relevance.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) ONLY+=("$1"); shift ;;
  esac
done
log() { printf '[relevance %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

missing=()
for tool in java node; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || missing+=(chromium)
if (( ${#missing[@]} )); then
  echo "relevance.sh: missing ${missing[*]} (apt-get install -y chromium; a JDK 17 and Node 18+)" >&2
  exit 2
fi
if [[ ! -d "$BENCH/node_modules/pagefind" || ! -d "$BENCH/node_modules/playwright-core" ]]; then
  log "installing pagefind and playwright-core into bench/node_modules (npm ci)"
  npm ci --prefix "$BENCH" --no-audit --no-fund --silent
fi

TMP=$(mktemp -d -t hindsight-relevance.XXXXXX)
if (( KEEP )); then log "keeping $TMP"; else trap 'rm -rf "$TMP"' EXIT; fi

JAR="$ROOT/target/hindsight.jar"
if [[ ! -f "$JAR" ]]; then
  log "packaging Hindsight (mvn -o package -DskipTests)"
  (cd "$ROOT" && mvn -B -q -o package -DskipTests)
fi
cp "$JAR" "$TMP/hindsight.jar"

# collection name and content folder, one pair a line
collections() {
  echo "content $ROOT/content"
  if [[ -d "$CORPUS" ]]; then
    local d
    for d in "$CORPUS"/*/; do
      [[ -d "$d" ]] && echo "$(basename "$d") $(cd "$d" && pwd)"
    done
  fi
}

ROWS="$TMP/rows.tsv"
: > "$ROWS"
while read -r name dir; do
  if (( ${#ONLY[@]} )) && [[ " ${ONLY[*]} " != *" $name "* ]]; then continue; fi
  queries="$SYMPTOMS/$name.tsv"
  if [[ ! -f "$queries" ]]; then log "$name: no $queries, skipped"; continue; fi
  work="$TMP/$name"
  mkdir -p "$work"
  log "$name: building $dir"
  if ! java -jar "$TMP/hindsight.jar" build -s "$ROOT" -c "$dir" -d "$work/site" --cache-dir "$work/cache" \
      > "$work/build.log" 2>&1; then
    log "$name: the build failed (last lines of $work/build.log below)"
    tail -5 "$work/build.log" >&2
    printf '%s\tbuild failed\n' "$name" >> "$ROWS"
    continue
  fi
  log "$name: measuring $(grep -cv '^\(#\|$\)' "$queries") queries"
  if ! node "$BENCH/relevance.mjs" --site "$work/site" --queries "$queries" --collection "$name" \
      --json "$work/relevance.json" >&2; then
    printf '%s\trelevance.mjs failed\n' "$name" >> "$ROWS"
    continue
  fi
  [[ -n "$JSON_DIR" ]] && mkdir -p "$JSON_DIR" && cp "$work/relevance.json" "$JSON_DIR/$name.json"
  printf '%s\t%s\n' "$name" "$work/relevance.json" >> "$ROWS"
done < <(collections)

# One Markdown table; "all" pools every query of every collection measured.
node --input-type=module - "$ROWS" <<'EOF'
import fs from 'node:fs';
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
const out = [];
out.push('| collection | incidents | queries | Pagefind MRR@10 | Hindsight MRR@10 | Pagefind top 10 | Hindsight top 10 '
  + '| Pagefind MRR@10, incidents only |');
out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
const pool = [];
let incidents = 0;
let version = '?';
const rr = (x) => (x.rank ? 1 / x.rank : 0);
const cells = (rows) => {
  const n = rows.length;
  const mrr = (k) => (n ? rows.reduce((a, r) => a + rr(r[k]), 0) / n : NaN).toFixed(3);
  const top = (k) => `${rows.filter((r) => r[k].rank > 0).length}/${n}`;
  const errs = rows.filter((r) => r.hindsight.error).length;
  return [mrr('pagefind'), mrr('hindsight') + (errs ? ` (${errs} errors)` : ''), top('pagefind'), top('hindsight'),
    mrr('pagefindIncidents')];
};
for (const [name, file] of lines) {
  if (!file.endsWith('.json')) {
    out.push(`| ${name} | ${file} | | | | | | |`);
    continue;
  }
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  version = j.pagefindVersion;
  incidents += j.incidents;
  pool.push(...j.rows);
  out.push(`| ${name} | ${j.incidents} | ${j.rows.length}${j.unknownSources.length ? ` (+${j.unknownSources.length} unknown)` : ''} | `
    + cells(j.rows).join(' | ') + ' |');
}
if (lines.filter(([, f]) => f.endsWith('.json')).length > 1) {
  out.push(`| all (pooled) | ${incidents} | ${pool.length} | ` + cells(pool).join(' | ') + ' |');
}
console.log(out.join('\n'));
console.log(`\nPagefind ${version} on the Hindsight site (no data-pagefind-body: every page indexed); MRR@10 counts ranks as `
  + 'returned, pages that are not incidents included; the last column drops them first. Hindsight: its /search/ page.');
EOF
