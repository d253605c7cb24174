// Command-line flags for the bench scripts: --key value pairs, and bare --flags as true.
export function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    const k = list[i].replace(/^--/, '');
    if (i + 1 < list.length && !list[i + 1].startsWith('--')) out[k] = list[++i];
    else out[k] = true;
  }
  return out;
}
