// Removes what tsc compiled of sources that are gone: tsc never deletes an output, so a renamed or
// deleted test or module stays in out/ and its tests go on running (and passing) locally, though a
// clean checkout has none of them. Run before tsc by `npm test` and `npm run bench`; keeps everything
// that is no compiled source (out/bench/results.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'out');
const COMPILED = /\.(?:js|js\.map|d\.ts)$/;

function sourceOf(file) {
  const rel = path.relative(out, file).replace(COMPILED, '');
  return ['.ts', '.tsx'].map((ext) => path.join(root, rel + ext));
}

let removed = 0;
const pending = fs.existsSync(out) ? [out] : [];
while (pending.length) {
  const dir = pending.pop();
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) pending.push(p);
    else if (COMPILED.test(e.name) && !sourceOf(p).some((s) => fs.existsSync(s))) {
      fs.rmSync(p);
      removed++;
    }
  }
}
if (removed) console.log(`removed ${removed} compiled file(s) of sources that are gone from out/`);
