/**
 * Hover and the other Markdown Kamerwijzer writes, over an adversarial workspace: file names,
 * catalog facts, a workspace glossary and footnotes full of Markdown links to `command:` and
 * `javascript:`, raw HTML and remote images. Whatever the mouse is on, no hover may link anywhere
 * but to http(s) and file URIs, hold HTML or show an image.
 */
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { CatalogDocument, CatalogSource } from '../../../server/src/catalog/model';
import { kamerstukKey, type KamerstukId } from '../../../server/src/engine/identifiers';
import { escapeMarkdown, safeFileUrl, safeMarkdown, safeWebUrl } from '../../../server/src/features/markdown';
import type { Locale } from '../../../server/src/l10n';
import { createKamerwijzer } from '../../../server/src/service/kamerwijzer';
import { markdownProblems } from '../../support/markdownSafety';
import { bundledEntries } from '../../support/workspace';

const COMMAND = 'command:workbench.action.terminal.new';
const IMG = '<img src=x onerror=alert(1)>';
const EVIL = `[x](${COMMAND}) ${IMG} ![i](https://evil.example/t.png) [j](javascript:alert(1)) <${COMMAND}>`;

/** A catalog source whose every fact is hostile. */
class HostileSource implements CatalogSource {
  readonly name = 'test';
  private doc(id: KamerstukId): CatalogDocument {
    return {
      id: kamerstukKey(id),
      kamerstuk: id,
      type: `Motie ${IMG}`,
      title: EVIL,
      date: '<script>alert(1)</script>',
      dossierTitle: `</a><a href="${COMMAND}">x</a>`,
      submitters: ['[a](javascript:alert(1))', IMG],
      outcome: 'aangenomen',
      outcomeDate: '![x](https://evil.example/y.png)',
      kabinetsappreciatie: EVIL,
      documentNumber: `2025D12193)[k](${COMMAND})`,
      replacedBy: 'javascript:alert(1)',
      alsoDossiers: [`1)[k](${COMMAND}`],
      sources: [
        { origin: 'test', url: `https://x/)[k](${COMMAND})` },
        { origin: 'bundled', url: 'javascript:alert(1)' },
        { origin: 'officielebekendmakingen', url: `https://evil.example/a b${IMG}` },
        { origin: 'tweedekamer', url: 'https://user:pw@evil.example/' },
      ],
    };
  }
  lookupKamerstuk(id: KamerstukId): CatalogDocument | undefined {
    if (id.dossier === '36600-XIII') return { id: kamerstukKey(id), kamerstuk: id, absent: { origin: IMG }, sources: [] };
    return this.doc(id);
  }
  lookupDocumentNumber(): CatalogDocument {
    return this.doc({ dossier: '29826', nr: '250' });
  }
  lookupHandelingen(): CatalogDocument {
    return { ...this.doc({ dossier: '29826', nr: '250' }), kamerstuk: undefined } as unknown as CatalogDocument;
  }
  findMotions(): CatalogDocument[] {
    return [this.doc({ dossier: '29826', nr: '251' })];
  }
  documentsByIdPrefix(): CatalogDocument[] {
    return [this.doc({ dossier: '29826', nr: '252' })];
  }
}

const GLOSSARY = JSON.stringify({
  version: 1,
  entries: [
    {
      id: 'boosfonds',
      name: `BOOSFONDS ${IMG}`,
      fullName: EVIL,
      abbreviations: ['BOOSFONDS'],
      kind: 'fonds',
      description: { nl: EVIL, en: EVIL },
      ministry: '<script>alert(1)</script>',
      url: `https://x/)[k](${COMMAND})`,
      legalBasis: { text: '[a](javascript:alert(1))', url: `https://evil.example/"><img src=x onerror=alert(1)>` },
      sources: [
        { url: 'https://evil.example/)![i](https://evil.example/t.png)', says: 'x' },
        { url: 'http://127.0.0.1/x', says: 'y' },
        { url: 'https://[::1]/x', says: 'z' },
      ],
    },
  ],
});

const LETTER = [
  'Den Haag, 3 maart 2025',
  '',
  'Zie Kamerstuk 29826, nr. 250 en Kamerstuk 36600-XIII, nr. 65.[^<command:git.push>] Het BOOSFONDS krijgt € 5 miljoen in 2025D12193.[^<img/src=x/onerror=alert(1)>]',
  'De motie van het lid Kostić c.s. vraagt om een visie. De motie-Kostić (Kamerstuk 29826, nr. 250) is aangenomen. Zie ook dossier 29826 en Handelingen II 2021/22, nr. 62, item 7.',
  'Ik informeer uw Kamer voor de zomer van 2025. Kamerstuk 29',
  '',
  `[^<command:git.push>]: Zie ${EVIL}.`,
  `[^<img/src=x/onerror=alert(1)>]: ${IMG}`,
].join('\n');

const OWN = `---\nkamerstuk: 29826-250\ntitel: ${EVIL}\n---\nZie Kamerstuk 29826, nr. 250.\n`;

/** File names that are Markdown and HTML themselves. */
const NAMES = [`x](${COMMAND}) y.txt`, `${IMG}.md`, 'x%5D(command:git.push).txt', 'gewoon.txt'];

describe('hover Markdown over adversarial workspaces, glossaries and footnotes', () => {
  for (const locale of ['nl', 'en'] as Locale[]) {
    it(`no command: or javascript: link, no HTML, no image in any hover (${locale})`, async () => {
      const service = createKamerwijzer({
        sources: [new HostileSource()],
        bundledGlossary: () => bundledEntries,
        folderOf: () => 'ws',
        settings: { locale, today: '2026-11-23' },
      });
      service.glossaries.setFolder('ws', 'file:///ws/.kamerwijzer/glossary.json', GLOSSARY);
      const docs = NAMES.map((name, i) => service.setDocument(`file:///ws/${name}`, i === 3 ? OWN : LETTER, 1));
      const hovers = new Set<string>();
      for (const doc of docs) {
        for (let offset = 0; offset <= doc.text.length; offset++) {
          const h = await service.hover(doc, offset);
          if (h) hovers.add((h.contents as MarkupContent).value);
        }
        const lines = doc.text.split('\n');
        const completions = await service.completion(doc, doc.lines.offsetAt({ line: 4, character: lines[4]?.length ?? 0 }));
        for (const c of completions.items) if (c.documentation) hovers.add((c.documentation as MarkupContent).value);
        for (const link of service.documentLinks(doc)) assert.match(link.target ?? '', /^https:\/\/[a-z.]+\//, link.target);
      }
      const all = [...hovers];
      // The adversarial parts were all shown: footnotes, the glossary entry, the catalog's facts, the file names.
      for (const seen of [/(Voetnoot|Footnote) \\<command:git\.push\\>/, /(Voetnoot|Footnote) \\<img\/src=x\/onerror=alert\(1\)\\>/, /BOOSFONDS/, /Motie/, /y\.txt/, /img src=x/, /javascript:alert/]) {
        assert.ok(all.some((v) => seen.test(v)), `no hover shows ${seen}`);
      }
      for (const value of all) assert.deepEqual(markdownProblems(value), [], value);
    });
  }

  it('web links: http(s) to a host name only, Markdown and HTML characters percent-encoded', () => {
    assert.equal(safeWebUrl('https://zoek.officielebekendmakingen.nl/kst-29826-250.html'), 'https://zoek.officielebekendmakingen.nl/kst-29826-250.html');
    assert.equal(safeWebUrl(`https://x.nl/)[k](${COMMAND})`), 'https://x.nl/%29%5Bk%5D%28command:workbench.action.terminal.new%29');
    for (const bad of ['javascript:alert(1)', 'command:x', 'data:text/html,x', 'file:///etc/passwd', 'https://user:pw@x.nl/', 'https://127.0.0.1/', 'https://[::1]/', 'https://localhost/', 'ftp://x.nl/']) {
      assert.equal(safeWebUrl(bad), undefined, bad);
    }
    assert.equal(safeFileUrl(`file:///ws/x](${COMMAND}) y.txt`, 3, 4), 'file:///ws/x%5D%28command:workbench.action.terminal.new%29%20y.txt#L3,4');
    assert.equal(safeFileUrl('vscode:extension/x'), undefined);
  });

  it('the last pass takes out HTML, images and links to other schemes, and leaves escaped text alone', () => {
    assert.equal(safeMarkdown(`a ${IMG} b`), 'a \\<img src=x onerror=alert(1)> b');
    assert.equal(safeMarkdown('![i](https://x.nl/i.png)'), '&#33;[i](https://x.nl/i.png)');
    assert.equal(safeMarkdown(`[k](${COMMAND})`), `[k\\]\\(${COMMAND})`);
    assert.equal(safeMarkdown('[ok](https://x.nl/a) \\[x\\](y)'), '[ok](https://x.nl/a) \\[x\\](y)');
    assert.equal(safeMarkdown('[r]: javascript:alert(1)'), '[r\\]: javascript:alert(1)');
    assert.deepEqual(markdownProblems(safeMarkdown(escapeMarkdown(EVIL))), []);
  });
});
