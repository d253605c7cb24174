// Summarises a JFR recording of a Hindsight build: where the CPU samples and the allocations go.
//
//   node bench/jfr-top.mjs RECORDING.jfr [--top 25]
//
// Reads `jfr print` (JDK's jfr tool on PATH) and prints:
// - samples per thread;
// - self time: the top frame of each CPU sample;
// - Hindsight frames: per sample, the innermost dev.hindsight method (which part of our code the time is spent
//   under, library time included), and per-stage totals (dev.hindsight.<stage>);
// - total time: methods present anywhere in the stack (inclusive);
// - allocation weight by class and by innermost dev.hindsight frame;
// - GC pauses.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const file = process.argv[2];
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
if (!file) {
  console.error('usage: node bench/jfr-top.mjs RECORDING.jfr [--top N]');
  process.exit(2);
}

const cpu = { n: 0, threads: new Map(), self: new Map(), ours: new Map(), stages: new Map(), total: new Map() };
const alloc = { total: 0, classes: new Map(), ours: new Map() };
const gc = { n: 0, pauseMs: 0, longestMs: 0 };

await read(['jdk.ExecutionSample', 'jdk.ObjectAllocationSample', 'jdk.GarbageCollection']);

console.log(`JFR profile: ${file}`);
console.log(`CPU samples: ${cpu.n} (Java code only; JIT/GC threads are not sampled)`);
table('samples by thread (pools grouped)', cpu.threads, cpu.n);
table('self time: top frame', cpu.self, cpu.n);
table('innermost dev.hindsight frame (time under our method, libraries included)', cpu.ours, cpu.n);
table('by Hindsight package', cpu.stages, cpu.n);
table('total time: anywhere on the stack', cpu.total, cpu.n);
console.log(`\nallocation samples: ${mbytes(alloc.total)} MB estimated total`);
table('allocation weight by class', alloc.classes, alloc.total, mbytes);
table('allocation weight by innermost dev.hindsight frame', alloc.ours, alloc.total, mbytes);
console.log(`\nGC: ${gc.n} collections, ${Math.round(gc.pauseMs)} ms total pause, longest ${Math.round(gc.longestMs)} ms`);

function read(events) {
  return new Promise((resolve, reject) => {
    const jfr = spawn('jfr', ['print', '--stack-depth', '64', '--events', events.join(','), file]);
    jfr.on('error', reject);
    const rl = readline.createInterface({ input: jfr.stdout });
    let ev = null;
    let inStack = false;
    rl.on('line', (line) => {
      const t = line.trim();
      if (!line.startsWith(' ') && t.endsWith('{')) {
        ev = { type: t.slice(0, -1).trim(), frames: [], fields: {} };
        inStack = false;
      } else if (t === '}' && !line.startsWith('  ') && ev) {
        finish(ev);
        ev = null;
      } else if (ev && t === 'stackTrace = [') {
        inStack = true;
      } else if (ev && inStack && t === ']') {
        inStack = false;
      } else if (ev && inStack) {
        if (t !== '...') ev.frames.push(t.replace(/\s+line: \d+$/, '').replace(/\(.*\)$/, ''));
      } else if (ev) {
        const m = /^(\w+) = (.*)$/.exec(t);
        if (m) ev.fields[m[1]] = m[2];
      }
    });
    jfr.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`jfr print exited ${code}`))));
  });
}

function finish(ev) {
  const ours = ev.frames.find((f) => f.startsWith('dev.hindsight.')) || '(no dev.hindsight frame)';
  if (ev.type === 'jdk.ExecutionSample') {
    cpu.n++;
    const thread = (/^"([^"]*)"/.exec(ev.fields.sampledThread || '') || [])[1] || '?';
    add(cpu.threads, thread.replace(/[-#]?\d+$/, '-N'), 1);
    add(cpu.self, ev.frames[0] || '?', 1);
    add(cpu.ours, ours, 1);
    const stage = /^dev\.hindsight\.(\w+)\./.exec(ours);
    add(cpu.stages, stage ? (stage[1].match(/^[a-z]/) ? stage[1] : 'dev.hindsight (root)') : ours, 1);
    for (const f of new Set(ev.frames)) add(cpu.total, f, 1);
  } else if (ev.type === 'jdk.ObjectAllocationSample') {
    const w = bytes(ev.fields.weight || '0 bytes');
    alloc.total += w;
    add(alloc.classes, (ev.fields.objectClass || '?').replace(/ \(classLoader.*$/, ''), w);
    add(alloc.ours, ours, w);
  } else if (ev.type === 'jdk.GarbageCollection') {
    gc.n++;
    const p = ms(ev.fields.sumOfPauses || '0 ms');
    gc.pauseMs += p;
    gc.longestMs = Math.max(gc.longestMs, ms(ev.fields.longestPause || '0 ms'));
  }
}

function add(map, key, w) { map.set(key, (map.get(key) || 0) + w); }
function bytes(s) {
  const m = /([\d.]+)\s*(bytes|kB|MB|GB)/.exec(s);
  return m ? Number(m[1]) * { bytes: 1, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[m[2]] : 0;
}
function ms(s) {
  const m = /([\d.]+)\s*(ns|us|ms|s)\b/.exec(s);
  return m ? Number(m[1]) * { ns: 1e-6, us: 1e-3, ms: 1, s: 1000 }[m[2]] : 0;
}
function mbytes(b) { return (b / 1024 / 1024).toFixed(0); }
function table(title, map, total, show = (x) => String(x)) {
  console.log(`\n${title}:`);
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => {
    console.log(`  ${(100 * v / Math.max(total, 1)).toFixed(1).padStart(5)}%  ${show(v).padStart(7)}  ${k}`);
  });
}
