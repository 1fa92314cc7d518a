// dist/server.js: starts the language server bundle (dist/server-main.js) from the code V8 compiled
// for it on an earlier start, when that is in the user's cache folder, and leaves it there a moment
// after this start (so functions compiled while starting are in it too). Compiling the bundle is
// most of what starting the server costs; with the cache it answers `initialize` some 30 ms sooner.
//
// The cache file is named after the bundle's content hash, V8's version and the architecture, so it
// only ever meets the code it was made from; V8 checks it again and
// rejects what does not fit, and then the bundle is compiled as usual. The folder is the user's own
// (~/.cache/kamerwijzer, or $XDG_CACHE_HOME), like the cache of fetched documents: whoever can write
// there can change the user's files anyway. Any trouble with the cache only means no cache.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { isMainThread } = require('node:worker_threads');
// The compiler's flags are part of what a code cache must fit (V8 rejects a cache made under other
// flags): they are set before the cache is read, as the server sets them (src/io/compilerTuning.ts).
const { tuneCompiler } = require('./src/io/compilerTuning');

const BUNDLE = path.join(__dirname, 'server-main.js');
/** How long after the start the cache is written (the server has answered `initialize` by then). */
const WRITE_AFTER_MS = 1000;
/** Cache files of other bundles or Node versions not used for this long are removed. */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

function cacheFolder() {
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'kamerwijzer', 'code-cache');
}

function start() {
  // (A worker shares the process's flags: the server's thread set them before it started one.)
  if (isMainThread) tuneCompiler();
  const source = fs.readFileSync(BUNDLE, 'utf8');
  let file;
  let cached;
  try {
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
    file = path.join(cacheFolder(), `server-${hash}-v8-${process.versions.v8}-${process.arch}.bin`);
    cached = fs.readFileSync(file);
  } catch {
    cached = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, ...(cached ? { cachedData: cached } : {}) });
  const mod = { exports: {}, filename: BUNDLE, id: BUNDLE, loaded: true };
  // The server's analysis worker runs this file too: it reads the cache, only the server writes it.
  if (isMainThread && file && (!cached || script.cachedDataRejected)) setTimeout(() => writeCache(script, file), WRITE_AFTER_MS).unref();
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, __dirname);
}

function writeCache(script, file) {
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(tmp, file);
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      const other = path.join(dir, name);
      if (other !== file && now - fs.statSync(other).mtimeMs > STALE_MS) fs.rmSync(other, { force: true });
    }
  } catch {
    // No cache this time.
  }
}

start();
