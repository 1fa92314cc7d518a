/**
 * A local HTTP server that replays the recorded official responses of test/fixtures/sources (their
 * routes.json): one server for KOOP's hosts, one for the Tweede Kamer's. Absolute addresses of the
 * real hosts in a body are rewritten to the local server, as a mirror would serve them. Tests can
 * put a handler before the recorded routes (a 429, a slow answer, a redirect elsewhere) and see
 * every request made.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { MemoryStore } from '../../server/src/catalog/memoryStore';
import type { Store } from '../../server/src/catalog/remote';
import { OfficialSources } from '../../server/src/io/official';
import { fixturesDir } from './paths';

interface Route {
  readonly host: 'koop' | 'tk';
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly location?: string;
  readonly file?: string;
}

export type Override = (req: { path: string; query: URLSearchParams; url: string }, res: http.ServerResponse) => boolean | Promise<boolean>;

const SOURCES = path.join(fixturesDir, 'sources');
const REAL_HOSTS: Record<'koop' | 'tk', readonly string[]> = {
  koop: ['https://zoek.officielebekendmakingen.nl', 'https://repository.overheid.nl'],
  tk: ['https://gegevensmagazijn.tweedekamer.nl'],
};

export class ReplayServer {
  /** Every request, as "koop GET /kst-29826-250/metadata.xml" with its query. */
  readonly requests: string[] = [];
  private readonly overrides: { host: 'koop' | 'tk'; handle: Override }[] = [];
  private readonly servers: Record<'koop' | 'tk', http.Server>;
  private readonly routes: Route[];

  private constructor(
    private readonly root: string,
    private readonly unrecorded: 'notFound' | 'unavailable',
  ) {
    this.routes = JSON.parse(fs.readFileSync(path.join(root, 'routes.json'), 'utf8')) as Route[];
    this.servers = { koop: http.createServer((q, s) => void this.handle('koop', q, s)), tk: http.createServer((q, s) => void this.handle('tk', q, s)) };
  }

  /**
   * Serves the recorded responses of a folder with a routes.json (by default test/fixtures/sources).
   * A request nothing was recorded for gets a 404 (the site's "not found"), or with `unrecorded:
   * 'unavailable'` a 503 (the source did not answer): for sets that recorded only what they needed.
   */
  static async start(root: string = SOURCES, options: { unrecorded?: 'notFound' | 'unavailable' } = {}): Promise<ReplayServer> {
    const r = new ReplayServer(root, options.unrecorded ?? 'notFound');
    await Promise.all(Object.values(r.servers).map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
    return r;
  }

  /** The base URL standing for KOOP's hosts. */
  /** The official sources over this server's hosts (50 requests a second, short back-off and timeout). */
  sources(store: Store = new MemoryStore(), online = true, options: ConstructorParameters<typeof OfficialSources>[2] = {}): OfficialSources {
    return new OfficialSources(store, { online, officielebekendmakingen: this.koop, tweedekamer: this.tk, requestsPerSecond: 50 }, { backoffMs: 5, timeoutMs: 2000, ...options });
  }

  get koop(): string {
    return this.base('koop');
  }

  /** The base URL standing for the Gegevensmagazijn. */
  get tk(): string {
    return this.base('tk');
  }

  base(host: 'koop' | 'tk'): string {
    return `http://127.0.0.1:${(this.servers[host].address() as AddressInfo).port}`;
  }

  /** Handles requests of a host before the recorded routes; the handler returns true when it answered. */
  override(host: 'koop' | 'tk', handle: Override): void {
    this.overrides.unshift({ host, handle });
  }

  clearOverrides(): void {
    this.overrides.length = 0;
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.servers).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  private async handle(host: 'koop' | 'tk', req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    this.requests.push(`${host} ${req.method} ${url.pathname}${url.search}`);
    for (const o of this.overrides) if (o.host === host && (await o.handle({ path: url.pathname, query: url.searchParams, url: req.url ?? '/' }, res))) return;
    const route = this.routes.find((r) => r.host === host && r.path === url.pathname && Object.entries(r.query ?? {}).every(([k, v]) => url.searchParams.get(k) === v));
    if (!route) {
      if (this.unrecorded === 'unavailable') res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '0' }).end('not recorded');
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such recorded response');
      return;
    }
    const headers: Record<string, string> = { ...(route.headers ?? {}) };
    if (route.location) headers['location'] = route.location;
    let body = route.file ? fs.readFileSync(path.join(this.root, route.file), 'utf8') : '';
    for (const [h, reals] of Object.entries(REAL_HOSTS) as ['koop' | 'tk', readonly string[]][]) for (const real of reals) body = body.split(real).join(this.base(h));
    res.writeHead(route.status, headers).end(body);
  }
}
