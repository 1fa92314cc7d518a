/**
 * A long editing session in a process of its own, for test/unit/service/editMemory.test.ts: a letter
 * of real letters joined is edited many times through the service, analyzed in this thread (`here`)
 * or by the analysis worker as the language server does (`worker`), with the findings of some
 * versions asked and of others not (an editor pulls them now and then). Then this thread's heap is
 * searched for strings as long as the letter: each is a whole text of some version. Prints
 * {"edits", "letterLength", "wholeTexts"} as JSON on one line.
 *
 * Run as `node editSession.js here|worker EDITS`.
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../server/src/features/model';
import { WorkerAnalyzer } from '../../server/src/lsp/analysisWorker';
import { createKamerwijzer, type Logger } from '../../server/src/service/kamerwijzer';
import { realLetters } from './textArbitraries';
import { bundledGlossary, bundledSource } from './workspace';

const LETTER_LENGTH = 300_000;

async function main(mode: string, edits: number): Promise<void> {
  const logger: Logger = { info: () => undefined, warn: () => undefined, error: (m) => process.stderr.write(`${m}\n`) };
  const analyzer = mode === 'worker' ? new WorkerAnalyzer({ logger, script: path.resolve(__dirname, '../../server/src/lsp/analysisWorker.js') }) : undefined;
  const service = createKamerwijzer({
    sources: [bundledSource()],
    bundledGlossary: () => bundledGlossary,
    folderOf: () => 'ws',
    settings: { locale: 'nl', today: '2026-01-15', diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS },
    ...(analyzer ? { analyzer } : {}),
    logger,
  });
  const letters = realLetters();
  let text = '';
  for (let i = 0; text.length < LETTER_LENGTH; i++) text += `${letters[i % letters.length]!}\n\n`;
  const uri = 'file:///ws/brief.md';
  let version = 1;
  await service.findings(await service.setDocumentAsync(uri, text, version));
  // A fixed sequence of places (a linear congruential generator): words typed and characters deleted all over the letter.
  let seed = 12345;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (let i = 0; i < edits; i++) {
    const at = next(text.length - 10);
    text = i % 2 === 0 ? `${text.slice(0, at)}motie ${text.slice(at)}` : text.slice(0, at) + text.slice(at + 3);
    const doc = await service.setDocumentAsync(uri, text, ++version);
    if (i % 3 === 2) await service.findings(doc);
  }
  await service.findings(await service.setDocumentAsync(uri, text, ++version));
  const wholeTexts = await stringsAtLeast(Math.floor(LETTER_LENGTH * 0.9));
  analyzer?.dispose();
  process.stdout.write(`${JSON.stringify({ edits, letterLength: text.length, wholeTexts })}\n`);
}

/** How many strings of at least `length` characters this thread's heap holds (after the full collection a snapshot makes). */
async function stringsAtLeast(length: number): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of v8.getHeapSnapshot()) chunks.push(chunk as Buffer);
  const snapshot = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const stringType = types[0].indexOf('string');
  let count = 0;
  // A string's size is its characters' bytes (one or two each) and a small header: at least its length.
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) if (snapshot.nodes[i + typeAt] === stringType && snapshot.nodes[i + sizeAt]! >= length) count++;
  return count;
}

main(process.argv[2] ?? 'here', Number(process.argv[3] ?? 40)).catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
