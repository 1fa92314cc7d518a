/**
 * HTTP for the official sources, careful with their hosts and with hostile answers: only the
 * configured hosts are ever contacted (a redirect elsewhere is refused), at most two requests at
 * a time per host and a configurable rate, a timeout of a few seconds, 429 and 5xx retried with
 * backoff (Retry-After respected up to a bound), a size cap on every answer, and an abort signal.
 */
import type * as Http from 'node:http';
import { FetchError, type Fetcher, type HttpResponse } from '../catalog/remote';

export interface HttpFetcherOptions {
  /** Base URLs whose hosts may be contacted (scheme, host and port count). */
  readonly allowed: readonly string[];
  /** Milliseconds before a request is given up (default 8 s). */
  readonly timeoutMs?: number;
  /** Requests per second per host at most (default 4). */
  readonly ratePerSecond?: number;
  /** Requests at once per host (default 2). */
  readonly concurrency?: number;
  /** Retries of 429, 5xx, timeouts and network errors (default 3). */
  readonly retries?: number;
  /** The first backoff in ms, doubled per retry (default 500). */
  readonly backoffMs?: number;
  /** The longest wait a Retry-After may ask (default 10 s). */
  readonly maxRetryAfterMs?: number;
  /** Bytes an answer may have (default 32 MiB). */
  readonly maxBytes?: number;
  readonly userAgent?: string;
  /** Called before each request (tests count them; the CLI's --verbose logs them). */
  readonly onRequest?: (url: string) => void;
}

const RETRIED = new Set([429, 500, 502, 503, 504]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class HttpFetcher implements Fetcher {
  private readonly allowed: ReadonlySet<string>;
  private readonly hosts = new Map<string, HostQueue>();

  constructor(private readonly options: HttpFetcherOptions) {
    this.allowed = new Set(options.allowed.map(origin).filter((o): o is string => !!o));
  }

  async get(url: string, options: { readonly signal?: AbortSignal } = {}): Promise<HttpResponse> {
    const start = origin(url);
    if (!start || !this.allowed.has(start)) throw new FetchError(`host not allowed: ${start ?? url}`, 'host');
    const retries = this.options.retries ?? 3;
    let attempt = 0;
    for (;;) {
      if (options.signal?.aborted) throw new FetchError('aborted', 'aborted');
      let response: HttpResponse | undefined;
      let failure: FetchError | undefined;
      let retryAfter: number | undefined;
      try {
        const r = await this.queue(start).run(() => this.follow(url, options.signal));
        response = r.response;
        retryAfter = r.retryAfterMs;
      } catch (e) {
        failure = e instanceof FetchError ? e : new FetchError(String((e as Error).message ?? e), 'network');
        if (failure.reason !== 'network' && failure.reason !== 'timeout') throw failure;
      }
      const retry = failure !== undefined || (response !== undefined && RETRIED.has(response.status));
      if (!retry) return response!;
      if (attempt >= retries) {
        if (response) return response;
        throw failure!;
      }
      const backoff = (this.options.backoffMs ?? 500) * 2 ** attempt;
      await sleep(Math.min(retryAfter ?? backoff, this.options.maxRetryAfterMs ?? 10_000), options.signal);
      attempt++;
    }
  }

  private queue(host: string): HostQueue {
    let q = this.hosts.get(host);
    if (!q) this.hosts.set(host, (q = new HostQueue(this.options.concurrency ?? 2, 1000 / (this.options.ratePerSecond ?? 4))));
    return q;
  }

  /** One request, following redirects within the allowed hosts (at most five). */
  private async follow(url: string, signal: AbortSignal | undefined): Promise<{ response: HttpResponse; retryAfterMs?: number }> {
    let current = url;
    for (let hop = 0; hop <= 5; hop++) {
      const r = await this.request(current, signal);
      if (!REDIRECTS.has(r.status)) return { response: { status: r.status, url: current, body: r.body }, ...(r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}) };
      if (!r.location) throw new FetchError(`redirect without location from ${current}`, 'redirect');
      const next = new URL(r.location, current).toString();
      const o = origin(next);
      if (!o || !this.allowed.has(o)) throw new FetchError(`redirect to another host refused: ${o ?? next}`, 'redirect');
      current = next;
    }
    throw new FetchError(`too many redirects from ${url}`, 'redirect');
  }

  private request(url: string, signal: AbortSignal | undefined): Promise<{ status: number; body: string; location?: string; retryAfterMs?: number }> {
    this.options.onRequest?.(url);
    const maxBytes = this.options.maxBytes ?? 32 * 1024 * 1024;
    const timeoutMs = this.options.timeoutMs ?? 8000;
    return new Promise((resolve, reject) => {
      const u = new URL(url);
      const lib = transport(u.protocol);
      let settled = false;
      const finish = (f: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        f();
      };
      const req = lib.get(u, { headers: { 'user-agent': this.options.userAgent ?? 'Kamerwijzer', accept: 'application/xml, text/xml, text/html;q=0.5, */*;q=0.1' } }, (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            req.destroy();
            finish(() => reject(new FetchError(`answer larger than ${maxBytes} bytes from ${url}`, 'tooLarge')));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => finish(() => resolve({ status, body: Buffer.concat(chunks).toString('utf8'), ...(location ? { location } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) })));
        res.on('error', (e) => finish(() => reject(new FetchError(e.message, 'network'))));
      });
      const timer = setTimeout(() => {
        req.destroy();
        finish(() => reject(new FetchError(`no answer within ${timeoutMs} ms from ${url}`, 'timeout')));
      }, timeoutMs);
      const onAbort = (): void => {
        req.destroy();
        finish(() => reject(new FetchError('aborted', 'aborted')));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (e) => finish(() => reject(new FetchError(e.message, 'network'))));
    });
  }
}

/** "https://host:port" of a URL, or undefined when it is not http(s). */
function origin(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.protocol}//${u.host}` : undefined;
  } catch {
    return undefined;
  }
}

function parseRetryAfter(v: string | string[] | undefined): number | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new FetchError('aborted', 'aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new FetchError('aborted', 'aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** At most `concurrency` requests at once, and starts at least `intervalMs` apart. */
class HostQueue {
  private active = 0;
  private nextStart = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly intervalMs: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A waiting task is handed the slot of the one that finishes: `active` stays counted.
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      const wait = this.nextStart - Date.now();
      this.nextStart = Math.max(Date.now(), this.nextStart) + this.intervalMs;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/**
 * Node's HTTP or HTTPS module, loaded at the first request: loading them (and TLS with HTTPS) takes
 * some 10 ms, which the language server's start (before it answers `initialize`) and a command line
 * that fetches nothing need not spend.
 */
function transport(protocol: string): Pick<typeof Http, 'get'> {
  return protocol === 'https:' ? (require('node:https') as typeof import('node:https')) : (require('node:http') as typeof Http);
}
