/**
 * `kamerwijzer sync` (the Tweede Kamer mirror brought up to date: resumable, incremental, with
 * progress, safe to interrupt) and `kamerwijzer prefetch PATH...` (everything the documents cite —
 * metadata and the texts of the Kamerstukken — fetched into the cache for working offline).
 */
import { catalogKeyText, type CatalogKey } from '../catalog/model';
import type { Messages } from '../l10n';
import type { Kamerwijzer } from '../service/kamerwijzer';
import type { OnlineSetup } from './online';

export async function runSync(setup: OnlineSetup, maxPages: number | undefined, m: Messages, err: (s: string) => void, signal: AbortSignal): Promise<number> {
  if (!setup.official.online) {
    err(m.commands.offline);
    return 2;
  }
  const result = await setup.official.sync({
    signal,
    ...(maxPages !== undefined ? { maxPages } : {}),
    onProgress: (p) => err(m.commands.syncing(p.category, p.pages)),
  });
  switch (result.status) {
    case 'done':
      err(m.commands.synced(result.pages));
      return 0;
    case 'interrupted':
      err(m.cli.syncInterrupted(result.pages));
      return 0;
    case 'busy':
      err(m.commands.syncBusy);
      return 2;
    case 'failed':
      err(m.cli.syncFailed(result.message));
      return 3;
  }
}

export async function runPrefetch(service: Kamerwijzer, setup: OnlineSetup, m: Messages, err: (s: string) => void): Promise<number> {
  if (!setup.official.online) {
    err(m.commands.offline);
    return 2;
  }
  const keys = [...new Map(service.citedInWorkspace().map((k): [string, CatalogKey] => [catalogKeyText(k), k])).values()];
  let texts = 0;
  for (let i = 0; i < keys.length; i += 8) {
    const batch = keys.slice(i, i + 8);
    await service.catalog.fetch(batch);
    for (const k of batch) if (k.kind !== 'documentNumber' && (await service.catalog.publicationText(k))) texts++;
    err(m.commands.prefetching(Math.min(i + 8, keys.length), keys.length));
  }
  err(m.cli.prefetched(keys.length, texts, setup.store.root));
  return 0;
}
