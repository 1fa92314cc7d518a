/** The command line with the official sources replayed locally: check --online, info, sync, prefetch, and --offline. */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { ReplayServer } from '../support/replayServer';

const CLI = path.join(repoRoot, 'dist', 'cli.js');

describe('command line with the official sources', function () {
  this.timeout(60000);
  let server: ReplayServer;
  let dir: string;
  before(async () => {
    server = await ReplayServer.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-cli-online-'));
    fs.writeFileSync(path.join(dir, 'brief.txt'), 'Zie Kamerstuk 36999, nr. 12 en de motie over de Lelylijn (Kamerstuk 31305, nr. 491).\n');
  });
  after(async () => server.stop());

  /** Runs the CLI asynchronously (the replay server lives in this process). */
  const run = (args: string[], cache = path.join(dir, 'cache')): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) =>
      execFile(
        process.execPath,
        [CLI, ...args, '--cache-dir', cache, '--officielebekendmakingen-url', server.koop, '--tweedekamer-url', server.tk],
        { encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8' } },
        (e, stdout, stderr) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
  const counted = async <T>(f: () => Promise<T>): Promise<{ result: T; requests: number }> => {
    const before = server.requests.length;
    const result = await f();
    return { result, requests: server.requests.length - before };
  };

  it('check is offline unless asked: no request, and a Kamerstuk merely not known is not reported', async () => {
    const { result, requests } = await counted(() => run(['check', '--format', 'json', path.join(dir, 'brief.txt')], path.join(dir, 'fresh-cache')));
    assert.equal(requests, 0);
    const [file] = JSON.parse(result.stdout) as { diagnostics: { code: string }[] }[];
    assert.ok(!file!.diagnostics.some((d) => d.code === 'kamerstuk-unknown'));
  });

  it('check --online looks the citations up and reports the one that does not exist', async () => {
    const { result, requests } = await counted(() => run(['check', '--online', '--format', 'json', path.join(dir, 'brief.txt')]));
    assert.ok(requests >= 2);
    const [file] = JSON.parse(result.stdout) as { diagnostics: { code: string; message: string; severity: string }[] }[];
    const unknown = file!.diagnostics.filter((d) => d.code === 'kamerstuk-unknown');
    assert.deepEqual(unknown.map((d) => [d.severity, d.message]), [['warning', 'Kamerstuk 36 999, nr. 12 bestaat niet volgens officielebekendmakingen.nl. Controleer het nummer.']]);
    assert.equal(result.code, 0, 'warnings do not fail by default');
  });

  it('--offline then answers from the cache, without a request', async () => {
    const { result, requests } = await counted(() => run(['info', '--offline', '--json', 'kst-31305-491', 'Kamerstuk 36 999, nr. 12']));
    assert.equal(requests, 0);
    const [lely, absent] = JSON.parse(result.stdout) as { id: string; document: { title?: string; absent?: { origin: string } } }[];
    assert.match(lely!.document.title!, /Lelylijn/);
    assert.equal(absent!.document.absent!.origin, 'officielebekendmakingen');
  });

  it('info reads ids in any form, and says which it cannot read', async () => {
    const r = await run(['info', '29826-277', '2025D44449', 'kst-36725-XVI-23', 'onzin']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /Kamerstuk 29 826, nr\. 277 · Brief regering\n {2}Industriebeleid met focus/);
    assert.match(r.stdout, /Kamerstuk 36 725 XVI, nr\. 23 · Motie/);
    assert.match(r.stderr, /geen document herkend in ‘onzin’/);
  });

  it('sync is resumable: stopped after a page, then finished, then motions show their outcome', async () => {
    const cache = path.join(dir, 'sync-cache');
    const first = await run(['sync', '--max-pages', '1'], cache);
    assert.equal(first.code, 0);
    assert.match(first.stderr, /onderbroken na 1 pagina/);
    const second = await run(['sync'], cache);
    assert.match(second.stderr, /Tweede Kamer-gegevens bijgewerkt/);
    const info = await run(['info', '--offline', '36471-5', '36471-7'], cache);
    assert.match(info.stdout, /Uitslag: aangenomen/);
    assert.match(info.stdout, /Vervangen door/);
  });

  it('prefetch keeps what a folder cites for working offline', async () => {
    const cache = path.join(dir, 'prefetch-cache');
    const r = await run(['prefetch', dir], cache);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /2 geciteerde documenten opgezocht/);
    assert.ok(fs.readdirSync(path.join(cache, 'texts')).includes('kst-31305-491.md'));
  });

  it('bad flags are input errors', async () => {
    assert.equal((await run(['info', '--online', '--offline', 'kst-1-1'])).code, 2);
    const r = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(process.execPath, [CLI, 'check', '--officielebekendmakingen-url', 'ftp://x', dir], { encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8' } }, (e, _o, stderr) =>
        resolve({ code: e ? Number((e as { code?: number }).code) : 0, stderr }),
      ),
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /geen http\(s\)-adres/);
  });
});
