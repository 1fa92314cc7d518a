/**
 * dist/server.js, as VS Code starts it: the loader that runs the server bundle (dist/server-main.js)
 * from V8's code cache in the user's cache folder ($XDG_CACHE_HOME/kamerwijzer/code-cache). It
 * answers `initialize` without a cache, leaves one after a moment, starts from it, and starts as
 * usual from a cache that is damaged.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchServer } from '../bench/lspBench';

describe('dist/server.js: the server started with V8 code cache', function () {
  this.timeout(30_000);
  let folder: string;
  let cache: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-loader-ws-'));
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-loader-cache-'));
  });
  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });
  const cacheFiles = (): string[] => {
    const dir = path.join(cache, 'kamerwijzer', 'code-cache');
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
  };
  /** Starts the server, asks for the status after initialize (so the bundle really runs), lives `ms`, stops. */
  const start = async (ms: number): Promise<void> => {
    const server = BenchServer.spawn({ folder, codeCache: cache });
    try {
      await server.initialize(folder);
      const status = await server.connection.sendRequest<{ indexedDocuments: number }>('kamerwijzer/status');
      assert.equal(typeof status.indexedDocuments, 'number');
      if (ms) await new Promise((r) => setTimeout(r, ms));
    } finally {
      await server.stop();
    }
  };

  it('answers without a cache, and leaves one a moment after starting', async () => {
    await start(1500);
    const files = cacheFiles();
    assert.equal(files.length, 1, 'one cache file');
    assert.match(path.basename(files[0]!), /^server-[0-9a-f]{16}-v8-.+-[a-z0-9]+\.bin$/);
    assert.ok(fs.statSync(files[0]!).size > 1000);
  });

  it('starts from the cache, which fits (it is not made again)', async () => {
    const [file] = cacheFiles();
    const made = fs.readFileSync(file!);
    const { mtimeMs } = fs.statSync(file!);
    // Living past the moment a cache the loader could not use would be written again.
    await start(1500);
    assert.deepEqual(cacheFiles(), [file]);
    assert.equal(fs.statSync(file!).mtimeMs, mtimeMs, 'not written again: V8 took it');
    assert.ok(fs.readFileSync(file!).equals(made));
  });

  it('starts as usual from a damaged cache, and writes a good one again', async () => {
    const [file] = cacheFiles();
    fs.writeFileSync(file!, Buffer.alloc(4096, 7));
    await start(1500);
    assert.ok(!fs.readFileSync(file!).equals(Buffer.alloc(4096, 7)), 'replaced');
  });
});
