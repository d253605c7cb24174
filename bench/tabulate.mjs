// Turns the benchmark's raw samples into the results table (Markdown), printed and written to a file.
//
//   node bench/tabulate.mjs --raw bench/out/raw.tsv --out bench/results/latest.md [--incremental FILE]
//        [--search FILE] [--jit FILE] [--stages DIR] [--date STAMP] [--runs N] [--sizes "1k 10k"] [--versions TEXT]
//
// Ratios are pair-wise: for each round, Hindsight's time is divided by the peer's time in the same round
// (the runs are interleaved A B A B ...), so slow drift of the machine cancels; the table shows their median
// and range.
import fs from 'node:fs';
import os from 'node:os';
import { execSync } from 'node:child_process';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];

const samples = fs.readFileSync(args.raw, 'utf8').trim().split('\n').slice(1).map((l) => {
  const [size, round, tool, wall, rss, status, load, cpu] = l.split('\t');
  return { size, round: +round, tool, wall: +wall, rss: +rss, status: +status, load: +load, cpu: cpu === undefined ? NaN : +cpu };
});
const sizes = (args.sizes || [...new Set(samples.map((s) => s.size))].join(' ')).split(/\s+/).filter(Boolean);
const NAMES = {
  hindsight: 'Hindsight build (pages, search index, similar incidents, report)',
  'hindsight-jvm-defaults': 'Hindsight build started as plain java -jar (the JVM\'s default options)',
  'hindsight-xmx1g': 'Hindsight build with -Xmx1g',
  'hindsight-no-cache': 'Hindsight build with --no-cache (no build cache read or written)',
  hugo: 'Hugo (pages only)',
  pagefind: 'Pagefind 1.6 indexing the Hugo output',
  'hugo+pagefind': 'Hugo + Pagefind (pages plus search)',
  jbake: 'JBake 2.6.7 (pages only)',
  'cache-restore': 'Restoring the build cache (a copy of the folder)',
  'hindsight-warm-edit': 'Hindsight warm build, one postmortem edited (fresh checkout, cache restored)',
  'hindsight-warm-add': 'Hindsight warm build, one postmortem added (fresh checkout, cache restored)',
  'hindsight-warm-xmx1g': 'Hindsight warm build, one postmortem edited, with -Xmx1g',
};

const lines = [];
const out = (s = '') => lines.push(s);
out('## Benchmark results');
out();
out(`Measured ${args.date || new Date().toISOString()} on ${machine()}.`);
if (args.versions) out(`Versions: ${args.versions}.`);
out(`Each figure: ${String(args.runs || '?').replace(/(\S+):(\d+)/g, '$2 at $1')} runs per tool (fewer where the table's last column says so), interleaved round by round (A B A B ...); median and min–max.`
  + ' Wall time includes JVM start-up; CPU time (user + system, all threads) and peak RSS from `/usr/bin/time -v`.');
const loads = samples.map((s) => s.load);
if (loads.length) {
  out(`Machine load (1-minute load average at the start of each run): median ${fmt(median(loads), 1)},`
    + ` range ${fmt(Math.min(...loads), 1)}–${fmt(Math.max(...loads), 1)} on ${cores()} cores.`);
}
out();
out('| corpus | tool | wall time, median | min–max | CPU time, median | peak RSS, median | runs ok |');
out('|---|---|---:|---:|---:|---:|---:|');
for (const size of sizes) {
  for (const tool of Object.keys(NAMES)) {
    const runs = series(size, tool);
    if (!runs.length) continue;
    const ok = runs.filter((r) => r.status === 0);
    const w = ok.map((r) => r.wall);
    const timeouts = runs.filter((r) => r.status === 124).length;
    out(`| ${size} | ${NAMES[tool]} | ${ok.length ? sec(median(w)) : '–'} | ${ok.length ? `${sec(Math.min(...w))}–${sec(Math.max(...w))}` : '–'}`
      + ` | ${cpuCell(ok)} | ${ok.length ? mb(median(ok.map((r) => r.rss))) : '–'} | ${ok.length}/${runs.length}${timeouts ? ` (${timeouts} timed out)` : ''} |`);
  }
}
out();
out('Ratios, Hindsight ÷ peer, computed per round and summarised (lower is better):');
out();
out('| corpus | ratio | median | min–max | target | met |');
out('|---|---|---:|---:|---:|:---:|');
const COLD = [['hindsight', 'Hindsight', 'hugo', 0.7], ['hindsight', 'Hindsight', 'hugo+pagefind', 0.2],
  ['hindsight', 'Hindsight', 'jbake', null], ['hindsight', 'Hindsight', 'hindsight-jvm-defaults', null],
  ['hindsight-no-cache', 'Hindsight with --no-cache', 'hugo+pagefind', null]];
for (const size of sizes) {
  for (const [tool, label, peer, target] of COLD) {
    const r = ratios(size, tool, peer);
    if (!r.length) continue;
    const applies = size === '10k' && target !== null;
    const verdict = !complete(size) ? 'not assessed (incomplete build)' : median(r) <= target ? 'yes' : '**no**';
    out(`| ${size} | ${label} ÷ ${NAMES[peer].replace(/ \(.*\)$/, '')} | ${fmt(median(r), 2)} | ${fmt(Math.min(...r), 2)}–${fmt(Math.max(...r), 2)}`
      + ` | ${applies ? `≤ ${target}` : ''} | ${applies ? verdict : ''} |`);
  }
}
for (const size of sizes) {
  for (const [tool, target] of [['hindsight-warm-edit', 0.3], ['hindsight-warm-add', 0.5]]) {
    const r = ratios(size, tool, 'hugo');
    if (!r.length) continue;
    const applies = size === '10k';
    out(`| ${size} | ${NAMES[tool].replace(/ \(.*\)$/, '')} ÷ Hugo cold | ${fmt(median(r), 2)} | ${fmt(Math.min(...r), 2)}–${fmt(Math.max(...r), 2)}`
      + ` | ${applies ? `≤ ${target}` : ''} | ${applies ? (median(r) <= target ? 'yes' : '**no**') : ''} |`);
  }
}
const xmx = series('10k', 'hindsight-xmx1g');
if (xmx.length) {
  const ok = xmx.filter((r) => r.status === 0).length;
  out();
  out(`-Xmx1g at 10k: ${ok}/${xmx.length} builds succeeded (target: all) — ${!complete('10k') ? 'not assessed (incomplete build)' : ok === xmx.length ? 'met' : '**not met**'}.`);
}

for (const size of sizes) {
  const file = args.stages && `${args.stages}/stages-${size}.txt`;
  if (file && fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim()) {
    out();
    const text = fs.readFileSync(file, 'utf8');
    const stages = (/^stages: (.*)$/m.exec(text) || [])[1];
    const built = (/^incidents: (\d+)/m.exec(text) || [])[1];
    const wrote = (/^wrote (\d+) files/m.exec(text) || [])[1];
    if (stages) out(`Hindsight's own stage times at ${size} (last run): \`${stages}\``);
    if (built !== undefined) {
      out(`Hindsight built ${built} incidents and wrote ${wrote ?? '?'} files at ${size}.`
        + (Number(built) < expected(size) ? ` **Only ${built} of ${expected(size)} incidents: these timings do not describe a full build.**` : ''));
    }
  }
}

const jit = args.jit && fs.existsSync(args.jit) ? Object.fromEntries(fs.readFileSync(args.jit, 'utf8').trim().split('\n')
  .map((l) => l.split(' ')).filter((p) => p.length === 2).map(([k, v]) => [k, k === 'size' ? v : Number(v)])) : null;
if (jit && Number.isFinite(jit.c2) && Number.isFinite(jit.cpu)) {
  const compile = (jit.c1 || 0) + jit.c2;
  out();
  out(`JIT compilation in one more Hindsight build at ${jit.size} (\`-XX:+CITime\`, not part of the rounds above):`
    + ` ${fmt(compile, 1)} s of ${fmt(jit.cpu, 1)} s CPU (${fmt(100 * compile / jit.cpu, 0)}%; C2 ${fmt(jit.c2, 1)} s, C1 ${fmt(jit.c1 || 0, 1)} s),`
    + ` wall ${fmt(jit.wall || NaN, 1)} s.`);
}

out();
const inc = readJson(args.incremental);
const serveSize = (inc && inc.size) || '1k';
// Issue 18's targets: save to served 150 ms at 1k and 300 ms at 10k; start to first page at 10k with a warm cache 10 s.
const SERVE_TARGET_MS = { '1k': 150, '10k': 300 };
const WARM_START_TARGET_MS = { '10k': 10000 };
out(`### Incremental rebuild in \`hindsight serve\` (${serveSize} incidents)`);
out();
if (inc && inc.samples && inc.samples.length) {
  const ms = inc.samples.map((s) => s.ms);
  const target = SERVE_TARGET_MS[serveSize];
  const seen = inc.via === 'poll' || !inc.via ? `polled over HTTP every ${inc.pollMs} ms`
    : 'asked for at each build the page\'s reload stream announces, as an open page does';
  out(`From saving one edited file to the rebuilt page being served (${seen}), ${ms.length} edits:`
    + ` median ${Math.round(median(ms))} ms, range ${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))} ms`
    + (target ? ` (target ≤ ${target} ms: ${median(ms) <= target ? 'met' : '**not met**'}).` : '.'));
  if (inc.failed) out(`${inc.failed} edits never showed up within ${inc.timeoutMs} ms.`);
  if (Number.isFinite(inc.startMs)) {
    const warm = inc.warmStartMs;
    const wt = WARM_START_TARGET_MS[serveSize];
    out();
    out(`From starting \`hindsight serve\` to the first incident page served: ${fmt(inc.startMs / 1000, 1)} s with an empty cache`
      + (Number.isFinite(warm) ? `, ${fmt(warm / 1000, 1)} s with the cache the first one left on disk`
        + (wt ? ` (target ≤ ${wt / 1000} s: ${warm <= wt ? 'met' : '**not met**'})` : '') : '') + '.');
  }
} else {
  out('Not measured in this run (see the report for why).');
}

out();
out('### Cold queries: bytes downloaded');
out();
const search = readJson(args.search);
// Budgets per cold query at 10k, fragments of the first results included (issue: search in the on-call's own words).
const BUDGET_KB = { 'two-word': 100, symptom: 160, paste: 250 };
if (search && search.rows && search.rows.length) {
  const kinds = [...new Set(search.rows.map((r) => r.kind || 'two-word'))];
  out(`Queries at ${sizes[sizes.length - 1]} (bench/queries*.txt), each in a fresh browser context; the first ${search.results}`
    + ` results' fragments loaded; a static host's gzip ${search.gzip ? 'on' : 'off'} for text files. Pagefind: pagefind.js, its worker,`
    + ' WASM, index chunks and fragments. Hindsight: everything the /search/ page fetches except its own HTML, CSS and images (its search scripts count).');
  out();
  out('| kind | queries | Hindsight median KB (max) | Pagefind median KB (max) | ratio | Hindsight budget |');
  out('|---|---:|---:|---:|---:|---|');
  for (const kind of kinds) {
    const rows = search.rows.filter((r) => (r.kind || 'two-word') === kind);
    const queries = [...new Set(rows.map((r) => r.query))];
    const hb = rows.filter((r) => r.system === 'hindsight' && !r.error).map((r) => r.bytes);
    const pb = rows.filter((r) => r.system === 'pagefind' && !r.error).map((r) => r.bytes);
    const rs = queries.map((q) => {
      const h = rows.find((r) => r.query === q && r.system === 'hindsight');
      const p = rows.find((r) => r.query === q && r.system === 'pagefind');
      return h && p && !h.error && !p.error ? h.bytes / p.bytes : NaN;
    }).filter(Number.isFinite);
    const budget = BUDGET_KB[kind];
    const met = hb.length && budget ? (Math.max(...hb) <= budget * 1024 ? `≤ ${budget} KB: met` : `≤ ${budget} KB: **not met**`) : '–';
    out(`| ${kind} | ${queries.length} | ${hb.length ? kb(median(hb)) + ' (' + kb(Math.max(...hb)) + ')' : '–'} | `
      + `${pb.length ? kb(median(pb)) + ' (' + kb(Math.max(...pb)) + ')' : '–'} | ${rs.length ? fmt(median(rs), 2) : '–'} | ${met} |`);
  }
  out();
  const empty = search.rows.filter((r) => r.system === 'hindsight' && !r.error && !(r.results > 0));
  if (empty.length) {
    out(`**Check:** Hindsight showed no results for ${empty.length} queries: ${empty.map((r) => r.query.slice(0, 40)).join('; ')}.`);
  }
  const none = search.rows.filter((r) => r.system === 'pagefind' && !r.error && !(r.results > 0));
  if (none.length) {
    out(`Pagefind returned no results for ${none.length} of ${search.rows.filter((r) => r.system === 'pagefind').length}`
      + ' queries (every remaining word must be on one page), so its bytes there buy nothing.');
  }
} else {
  out('Not measured in this run.');
}

const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (args.out) fs.writeFileSync(args.out, text);

function series(size, tool) {
  if (tool === 'hugo+pagefind') {
    return series(size, 'hugo').map((h) => {
      const p = series(size, 'pagefind').find((x) => x.round === h.round);
      return p && { round: h.round, wall: h.wall + p.wall, cpu: h.cpu + p.cpu, rss: Math.max(h.rss, p.rss), status: h.status || p.status };
    }).filter(Boolean);
  }
  return samples.filter((s) => s.size === size && s.tool === tool);
}
function ratios(size, a, b) {
  const bs = series(size, b);
  return series(size, a).filter((x) => x.status === 0).map((x) => {
    const y = bs.find((z) => z.round === x.round && z.status === 0);
    return y ? x.wall / y.wall : NaN;
  }).filter(Number.isFinite);
}
/** True unless the last Hindsight build at this size is known to have built fewer incidents than generated. */
function complete(size) {
  const file = args.stages && `${args.stages}/stages-${size}.txt`;
  const text = file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const built = (/^incidents: (\d+)/m.exec(text) || [])[1];
  return built === undefined || Number(built) >= expected(size);
}
function expected(size) { return /k$/.test(size) ? Number(size.slice(0, -1)) * 1000 : Number(size); }
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function fmt(x, d) { return x.toFixed(d); }
function cpuCell(ok) {
  const c = ok.map((r) => r.cpu).filter(Number.isFinite);
  return c.length ? sec(median(c)) : '–';
}
function sec(ms) { return ms < 10000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`; }
function mb(kbytes) { return `${Math.round(kbytes / 1024)} MB`; }
function kb(b) { return (b / 1024).toFixed(1); }
function cell(r) { return !r ? '–' : r.error ? 'error' : `${kb(r.bytes)} (${r.requests})`; }
function readJson(f) { return f && fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null; }
function cores() { try { return execSync('nproc').toString().trim(); } catch { return String(os.cpus().length); } }
function machine() {
  const mem = (() => { try { return execSync('free -h').toString().split('\n')[1].split(/\s+/)[1]; } catch { return `${Math.round(os.totalmem() / 2 ** 30)}Gi`; } })();
  return `${os.cpus()[0]?.model || 'unknown CPU'}, ${cores()} cores (nproc), ${mem} RAM (free -h), ${os.type()} ${os.release()}`;
}
