/**
 * The compiler's inlining budget (io/compilerTuning.ts): set only on the V8 versions it is known on,
 * and taken by this Node's V8 without a word on stderr (an unknown flag would print an error there,
 * in every command's output).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tuneCompiler } from '../../server/src/io/compilerTuning';

describe('compiler tuning', () => {
  it('leaves a V8 it does not know alone', () => {
    for (const version of ['10.2.154.26', '14.0.1', '', 'unknown', '9']) assert.equal(tuneCompiler(version), false, version);
  });

  it('sets the budget on this Node without an error from V8', () => {
    const module = path.join(__dirname, '../../server/src/io/compilerTuning.js');
    const run = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(module)}).tuneCompiler()))`], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'true', `V8 ${process.versions.v8}`);
    assert.equal(run.stderr, '');
  });

  it('an unknown flag would have shown on stderr (what the test above rules out)', () => {
    const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative-of-nothing=1')`], { encoding: 'utf8' });
    assert.match(run.stderr, /unrecognized flag/);
  });
});
