#!/usr/bin/env node
/*
 * Runs the word rules of the real assets/js/search-engine.js over texts, for the parity tests with WordSplitter and
 * CjkGrams (WordSplitterParityTest).
 *
 *   node words-runner.js ENGINE_JS INPUT_JSON
 *
 * INPUT_JSON is {texts: [string], highlight: [string], letters: true|false}. Prints one JSON object: per text its
 * words [[surface, position, start, end, part]], its query words, and its snippet segments [[text, mark]] under the
 * highlight; with letters, the code points (as [first, last] ranges) that the engine and search-highlight.js each
 * take for CJK letters, among the letters and digits.
 */
'use strict';
const fs = require('fs');
const path = require('path');

function ranges(test) {
  const out = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) {
      continue;
    }
    if (test(String.fromCodePoint(cp))) {
      const last = out[out.length - 1];
      if (last && last[1] === cp - 1) {
        last[1] = cp;
      } else {
        out.push([cp, cp]);
      }
    }
  }
  return out;
}

function main() {
  const [enginePath, inputPath] = process.argv.slice(2);
  const engine = require(path.resolve(enginePath));
  const input = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
  const highlight = new Set(input.highlight || []);
  const out = {
    texts: input.texts.map((t) => ({
      words: engine.splitWords(t).map((w) => [w.surface, w.position, w.start, w.end, w.part]),
      query: engine.queryWords(t),
      snippet: engine.snippet(t, highlight).map((s) => [s.text, s.mark])
    }))
  };
  if (input.letters) {
    const source = fs.readFileSync(path.join(path.dirname(path.resolve(enginePath)), 'search-highlight.js'), 'utf8');
    const cjk = /var CJK = '([^']*)';/.exec(source)[1].replace(/\\\\/g, '\\');
    const marked = new RegExp('^[' + cjk + ']$', 'u');
    const letter = /^[\p{L}\p{Nd}]$/u;
    out.engine = ranges((ch) => engine.isCjkRun(ch));
    out.highlight = ranges((ch) => letter.test(ch) && marked.test(ch));
  }
  process.stdout.write(JSON.stringify(out));
}

main();
