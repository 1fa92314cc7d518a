import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Exclusions, enabledGlobs } from '../../server/src/io/exclusions';
import { scanDocuments } from '../../server/src/io/workspaceScanner';

/** A workspace folder on disk: .gitignore at the root and in a sub-folder, excluded folders, documents. */
function makeFolder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-ws-'));
  const files: Record<string, string> = {
    '.gitignore': 'concepten/\n*.tmp.md\n',
    'brief.txt': 'a',
    'notities.md': 'b',
    'scan.pdf': 'c',
    'concepten/oud.txt': 'd',
    'archief/2019.txt': 'e',
    'archief/2020.md': 'f',
    'bijlagen/.gitignore': 'privé.txt\n',
    'bijlagen/privé.txt': 'g',
    'bijlagen/openbaar.txt': 'h',
    'kladje.tmp.md': 'i',
    'node_modules/pakket/README.md': 'j',
    '.git/HEAD.txt': 'k',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

async function scanned(root: string, globs: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const f of scanDocuments(root, new Exclusions(root, globs))) out.push(path.relative(root, f).split(path.sep).join('/'));
  return out.sort();
}

describe('workspace scanning and exclusions', () => {
  const root = makeFolder();

  it('respects .gitignore files at every level, hidden folders and node_modules', async () => {
    assert.deepEqual(await scanned(root, []), ['archief/2019.txt', 'archief/2020.md', 'bijlagen/openbaar.txt', 'brief.txt', 'notities.md']);
  });

  it('respects files.exclude and kamerwijzer.exclude globs', async () => {
    const globs = [...enabledGlobs({ '**/archief': true, '**/*.pdf': true, '**/off': false }), 'notities.md'];
    assert.deepEqual(await scanned(root, globs), ['bijlagen/openbaar.txt', 'brief.txt']);
  });

  it('reads only the switched-on globs of files.exclude', () => {
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/x': false, '**/y': { when: '$(basename).ts' } }), ['**/.git']);
    assert.deepEqual(enabledGlobs(undefined), []);
  });

  it('a scan can be cancelled', async () => {
    const out: string[] = [];
    for await (const f of scanDocuments(root, new Exclusions(root, []), () => out.length >= 1)) out.push(f);
    assert.equal(out.length, 1);
  });
});
