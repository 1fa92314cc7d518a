/**
 * Lookups of what an open document cites, on the official sources: planned once a document has
 * settled (not while a number is being typed), one plan per document, cancelled when the document
 * changes again or closes. The catalog de-duplicates them across documents; the fetcher keeps to
 * the hosts' limits. When a lookup brings news, the listener re-checks the documents.
 */
import type { IndexedDocument } from '../catalog/workspaceIndex';
import type { Kamerwijzer } from '../service/kamerwijzer';

/** How long a document must stay unchanged before its citations are looked up. */
export const LOOKUP_SETTLE_MS = 1500;

export class CitationLookups {
  private readonly plans = new Map<string, { timer: NodeJS.Timeout | undefined; abort: AbortController }>();

  constructor(
    private readonly service: Kamerwijzer,
    private readonly onError: (message: string) => void,
    private readonly settleMs = LOOKUP_SETTLE_MS,
  ) {}

  /** A document settled at this version: look up what it cites after it stays so for a moment. */
  plan(doc: IndexedDocument): void {
    this.cancel(doc.uri);
    if (!this.service.settings.online) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const plan = this.plans.get(doc.uri);
      if (plan) plan.timer = undefined;
      this.service
        .fetchCited(doc, abort.signal)
        .catch((e: unknown) => this.onError(`lookups for ${doc.uri} failed: ${(e as Error).message}`))
        .finally(() => {
          if (this.plans.get(doc.uri)?.abort === abort) this.plans.delete(doc.uri);
        });
    }, this.settleMs);
    this.plans.set(doc.uri, { timer, abort });
  }

  /** The document changed or closed: its lookups stop (those still wanted by another document go on). */
  cancel(uri: string): void {
    const plan = this.plans.get(uri);
    if (!plan) return;
    if (plan.timer) clearTimeout(plan.timer);
    plan.abort.abort();
    this.plans.delete(uri);
  }

  /** Stops every plan (going offline). */
  cancelAll(): void {
    for (const uri of [...this.plans.keys()]) this.cancel(uri);
  }
}
