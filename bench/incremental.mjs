// Incremental rebuild latency of a running `hindsight serve`: the time from saving one edited postmortem to the
// rebuilt incident page being served with the change.
//
//   node bench/incremental.mjs --url http://127.0.0.1:PORT --content DIR [--runs 10] [--json FILE] [--pid PID]
//                              [--timeout MS]   (per edit; default 120000: a slow rebuild is measured, not dropped)
//                              [--size 1k]      (the corpus size, written to the JSON for the table)
//                              [--via events]   (how the change is seen: events or poll, below)
// The JSON also holds startMs: from this script's start (run it right after starting serve) to the first incident
// page being served, which is when serve's first build is done. --runs 0 measures only that.
//
// DIR must be a scratch copy of the corpus (run.sh makes one): each edit puts a unique marker word in the Summary
// of one file; the script then waits for /incidents/<slug>/ to be served with the marker, restores the file and
// waits for the restored page before the next edit.
// --via events (the default) waits as an open page in a browser does: it listens on the page's reload stream
// (/__hindsight/events?page=...) and asks for the page again at each build announced to it, until the page has the
// marker. --via poll asks for the page every 5 ms instead; that was the only way before 2026-12-06, and its own
// requests then compete with the build for the CPU. Different files are edited each time. With --pid it stops as
// soon as the serve process has exited.
// serve shows the edited page as soon as the build has made it, and goes on with the rest of the site: the script
// waits until serve is idle (/__hindsight/status) before each edit, and also reports, per edit, the time until the
// whole build was done (siteMs: every page, the search and the reports current).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const base = args.url;
const runs = Number(args.runs || 10);
const pollMs = 5;
const via = args.via || 'events';
if (via !== 'events' && via !== 'poll') {
  console.error(`incremental: --via is events or poll, not ${via}`);
  process.exit(2);
}
const timeoutMs = Number(args.timeout || 120000);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function get(url) {
  try {
    const res = await fetch(url, { cache: 'no-store' });
    return { status: res.status, text: await res.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

function alive() {
  if (!args.pid) return true;
  try {
    process.kill(Number(args.pid), 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(url, test, limitMs) {
  const t0 = performance.now();
  for (;;) {
    if (!alive()) {
      console.error(`incremental: the serve process ${args.pid} has exited`);
      process.exit(1);
    }
    const r = await get(url);
    if (test(r)) return performance.now() - t0;
    if (performance.now() - t0 > limitMs) return NaN;
    await sleep(pollMs);
  }
}

// Opens a page's reload stream, as the page's live-reload script does. next(limitMs) resolves with the next
// event's name ('build' or 'reload'), or null when none came in time or the stream ended; close() ends it.
async function stream(pagePath) {
  const abort = new AbortController();
  const res = await fetch(`${base}/__hindsight/events?page=${encodeURIComponent(pagePath)}`, { signal: abort.signal });
  if (res.status !== 200) throw new Error(`the reload stream answered ${res.status}`);
  const queued = [];
  let waiting = null;
  let ended = false;
  const deliver = (name) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(name);
    } else if (name !== null) {
      queued.push(name);
    }
  };
  (async () => {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        let end;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const name = block.split('\n').find((l) => l.startsWith('event: '));
          if (name) deliver(name.slice('event: '.length));
        }
      }
    } catch {
      // aborted by close()
    }
    ended = true;
    deliver(null);
  })();
  return {
    next(limitMs) {
      if (queued.length) return Promise.resolve(queued.shift());
      if (ended) return Promise.resolve(null);
      return new Promise((ok) => {
        const timer = setTimeout(() => { waiting = null; ok(null); }, limitMs);
        waiting = (name) => { clearTimeout(timer); ok(name); };
      });
    },
    close() {
      abort.abort();
    },
  };
}

// Waits as an open page does: at each event on its reload stream, asks for the page again until the test passes.
async function waitByEvents(events, url, test, limitMs) {
  const t0 = performance.now();
  for (;;) {
    const left = limitMs - (performance.now() - t0);
    if (left <= 0 || !alive()) return NaN;
    const name = await events.next(left);
    if (name === null) return NaN;
    if (test(await get(url))) return performance.now() - t0;
  }
}

// Waits for a page to be served after serve starts, as a browser opened on it does: until the server answers at all,
// a connection is tried every 5 ms (no server is up to be slowed by it); then the page is asked for at each build
// its reload stream announces. (Polling the building server every 5 ms took CPU from its first build.)
async function waitUpByEvents(url, pagePath, limitMs) {
  const t0 = performance.now();
  let r = await get(url);
  while (r.status === 0) {
    if (!alive() || performance.now() - t0 > limitMs) return NaN;
    await sleep(pollMs);
    r = await get(url);
  }
  if (r.status === 200) return performance.now() - t0;
  const events = await stream(pagePath);
  try {
    const waited = await waitByEvents(events, url, (again) => again.status === 200, limitMs - (performance.now() - t0));
    return Number.isFinite(waited) ? performance.now() - t0 : NaN;
  } finally {
    events.close();
  }
}

// Waits until serve runs no build and has none waiting; NaN when it has no status (an older serve).
async function idle(limitMs) {
  return waitFor(`${base}/__hindsight/status`, (r) => r.status !== 200 || !JSON.parse(r.text).building, limitMs);
}

// The first full build happens when serve starts.
const dir = path.join(args.content, 'postmortems');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const firstPage = `${base}/incidents/${files[0].replace(/\.md$/, '')}/`;
const up = via === 'events' ? await waitUpByEvents(firstPage, `/incidents/${files[0].replace(/\.md$/, '')}/`, 600000)
  : await waitFor(firstPage, (r) => r.status === 200, 600000);
if (!Number.isFinite(up)) {
  console.error(`incremental: ${firstPage} was not served within 600 s`);
  process.exit(1);
}
console.error(`  start to first page: ${Math.round(up)} ms`);
// The first build serves its first pages before the rest are made: the edits start once it is done.
await idle(600000);
const samples = [];
let failed = 0;
for (let i = 0; i < runs; i++) {
  const name = files[(i * 97 + 13) % files.length];
  const file = path.join(dir, name);
  const page = `${base}/incidents/${name.replace(/\.md$/, '')}/`;
  if ((await get(page)).status !== 200) {
    console.error(`incremental: ${page} is not served; is the incident URL scheme /incidents/<slug>/?`);
    process.exit(1);
  }
  const marker = `benchedit${i}q${Date.now().toString(36)}`;
  const original = fs.readFileSync(file, 'utf8');
  const edited = original.replace('## Summary\n\n', `## Summary\n\n${marker} `);
  await idle(timeoutMs);
  const events = via === 'events' ? await stream(`/incidents/${name.replace(/\.md$/, '')}/`) : null;
  // On connect the stream announces the build the page is from now: the page already has it.
  if (events && (await events.next(timeoutMs)) === null) {
    console.error(`incremental: the reload stream of ${page} announced nothing`);
    process.exit(1);
  }
  const t0 = performance.now();
  fs.writeFileSync(file, edited);
  const hasMarker = (r) => r.text.includes(marker);
  const seen = events ? await waitByEvents(events, page, hasMarker, timeoutMs) : await waitFor(page, hasMarker, timeoutMs);
  if (events) events.close();
  const ms = Number.isFinite(seen) ? performance.now() - t0 : NaN;
  await idle(timeoutMs); // the page changed, so its build has started

  const siteMs = performance.now() - t0;
  if (Number.isFinite(ms)) samples.push({ file: name, ms, siteMs }); else failed++;
  console.error(`  edit ${i + 1}/${runs} ${name}: ${Number.isFinite(ms) ? Math.round(ms) + ' ms' : 'not seen'}`
    + `, whole build done after ${Math.round(siteMs)} ms`);
  fs.writeFileSync(file, original);
  await waitFor(page, (r) => r.status === 200 && !r.text.includes(marker), timeoutMs);
  await sleep(300);
}
const median = (v) => (v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN);
const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
const med = median(ms);
const site = samples.map((s) => s.siteMs).sort((a, b) => a - b);
const siteMed = median(site);
console.log(`incremental rebuild (seen by ${via}): median ${Math.round(med)} ms over ${ms.length} edits`
  + (ms.length ? ` (range ${Math.round(ms[0])}-${Math.round(ms[ms.length - 1])} ms)` : '') + (failed ? `, ${failed} not seen` : '')
  + (site.length ? `; whole build done: median ${Math.round(siteMed)} ms (range ${Math.round(site[0])}-${Math.round(site[site.length - 1])} ms)` : ''));
if (args.json) {
  fs.writeFileSync(args.json, JSON.stringify({ size: args.size || '', startMs: up, via, pollMs, timeoutMs, failed, samples }, null, 2));
}
