#!/usr/bin/env bash
# The size of a published site, by part: what a deploy uploads.
#   bench/site-size.sh PUBLIC_DIR
# Sizes are file bytes (not disk blocks) in MB of 10^6 bytes. To measure the 10k site:
#   java -jar target/hindsight.jar build -s bench/out/project --content bench/out/corpus-10k -d bench/out/size-10k \
#     --cache-dir bench/out/size-10k-cache --today 2026-01-15 && bench/site-size.sh bench/out/size-10k
set -euo pipefail
dir=${1:?usage: bench/site-size.sh PUBLIC_DIR}
cd "$dir"
mb() { awk '{s += $1; n++} END {printf "%8.1f MB %7d files", s / 1e6, n}'; }
part() { # LABEL then find arguments
  local label=$1; shift
  printf '%-34s %s\n' "$label" "$(find . -type f "$@" -printf '%s\n' | mb)"
}
part "whole site"
part "incident pages" -path './incidents/*/*'
part "incident list (incidents/index.html)" -path './incidents/index.html'
part "incidents.json and its parts" \( -name 'incidents*.json' -o -name 'incidents-*.json.gz' \) -path './incidents*'
for d in services tags teams causes years severities history action-items search; do
  [ -d "$d" ] && part "$d/" -path "./$d/*"
done
part "reports/ pages" -path './reports/*' -name '*.html'
part "reports/ CSV" -path './reports/*' -name '*.csv'
part "reports/ JSON" -path './reports/*' \( -name '*.json' -o -name '*.json.gz' \)
part "reports/ Markdown" -path './reports/*' -name '*.md'
find . -type f -printf '%s %p\n' | awk '$1 > max {max = $1; name = $2} END {printf "%-34s %8.1f MB  %s\n", "largest file", max / 1e6, name}'
