# Shared by bench/run.sh and bench/ci-steps.sh (sourced, not run): paths, logging, the generated corpora.
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/out"
TODAY=2026-01-15 # every benchmark build measures overdue items against this day, so runs compare

count_of() { case "$1" in *k) echo $(( ${1%k} * 1000 )) ;; *) echo "$1" ;; esac; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ensure_corpus SIZE: bench/out/corpus-SIZE and its JBake twin, generated when missing or older than Generate.java.
ensure_corpus() {
  local size=$1 corpus="$OUT/corpus-$1"
  if [[ ! -f "$corpus/site.yml" || "$BENCH/Generate.java" -nt "$corpus/site.yml" ]]; then
    log "generating $size incidents"
    java "$BENCH/Generate.java" --count "$(count_of "$size")" --out "$corpus" --jbake "$OUT/jbake-$size" >&2
  fi
}
