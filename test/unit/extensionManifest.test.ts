/**
 * The extension manifest (package.json) and its translations: every %placeholder% has an English and
 * a Dutch text, every setting the server reads is contributed, and the runtime strings of the client
 * have a Dutch translation.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

const read = (f: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(repoRoot, f), 'utf8')) as Record<string, unknown>;

describe('extension manifest', () => {
  const pkg = read('package.json');
  const en = read('package.nls.json');
  const nl = read('package.nls.nl.json');

  it('has the identity, entry points and packaging fields', () => {
    assert.equal(pkg['name'], 'kamerwijzer');
    assert.equal(pkg['displayName'], 'Kamerwijzer');
    assert.equal(pkg['main'], './dist/client.js');
    assert.deepEqual(pkg['bin'], { kamerwijzer: './dist/cli.js' });
    for (const field of ['icon', 'license', 'repository', 'categories', 'keywords', 'engines']) assert.ok(pkg[field], field);
  });

  it('every %placeholder% has an English and a Dutch text', () => {
    const placeholders = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(placeholders.length > 10);
    for (const p of placeholders) {
      assert.ok(typeof en[p] === 'string', `package.nls.json: ${p}`);
      assert.ok(typeof nl[p] === 'string', `package.nls.nl.json: ${p}`);
    }
  });

  it('contributes every setting the server reads', () => {
    const props = Object.keys(((pkg['contributes'] as Record<string, unknown>)['configuration'] as { properties: Record<string, unknown> }).properties);
    const settingsSource = fs.readFileSync(path.join(repoRoot, 'server', 'src', 'lsp', 'settings.ts'), 'utf8');
    for (const key of ['language', 'exclude', 'maxFileSize', 'today', 'citationStyle', 'enforceCitationStyle']) {
      assert.ok(settingsSource.includes(`o['${key}']`), `server reads ${key}`);
      assert.ok(props.includes(`kamerwijzer.${key}`), `contributes kamerwijzer.${key}`);
    }
    assert.ok(props.includes('kamerwijzer.diagnostics.severity'));
    assert.ok(props.includes('kamerwijzer.documentSelector'));
  });

  it('the client’s runtime strings have a Dutch translation, and the bundle holds no stale ones', () => {
    const dir = path.join(repoRoot, 'client', 'src');
    const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const bundle = read('l10n/bundle.l10n.nl.json');
    const strings = new Set(sources.flatMap((client) => [...client.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!)));
    assert.ok(strings.size >= 20);
    for (const s of strings) assert.ok(typeof bundle[s] === 'string' && bundle[s] !== '', `no Dutch for ${JSON.stringify(s)}`);
    for (const key of Object.keys(bundle)) assert.ok(strings.has(key), `l10n/bundle.l10n.nl.json: ${JSON.stringify(key)} is not used`);
    // Every text goes through the client's t() (which follows kamerwijzer.language), none around it.
    for (const client of sources) assert.doesNotMatch(client, /vscode\.l10n\.t\(|show(?:Information|Warning|Error)Message\(\s*['`]/);
  });

  it('package.nls.json and package.nls.nl.json have the same keys, each with a text', () => {
    assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) assert.ok(String(nl[key]).trim() && String(en[key]).trim(), key);
  });

  it('contributes the Citations view with its toggle and the Check workspace command', () => {
    const c = pkg['contributes'] as { views: Record<string, { id: string }[]>; commands: { command: string }[]; menus: Record<string, { command: string; when?: string }[]> };
    assert.ok(c.views['explorer']!.some((v) => v.id === 'kamerwijzer.citations'));
    const commands = c.commands.map((x) => x.command);
    for (const id of ['kamerwijzer.checkWorkspace', 'kamerwijzer.citations.showWorkspace', 'kamerwijzer.citations.showDocument', 'kamerwijzer.citations.refresh']) assert.ok(commands.includes(id), id);
    const titleMenu = c.menus['view/title']!.map((m) => m.command);
    assert.ok(titleMenu.includes('kamerwijzer.citations.showWorkspace') && titleMenu.includes('kamerwijzer.citations.showDocument'));
    const client = ['extension.ts', 'citationsView.ts', 'checkWorkspace.ts'].map((f) => fs.readFileSync(path.join(repoRoot, 'client', 'src', f), 'utf8')).join('\n');
    for (const id of commands) assert.ok(client.includes(`'${id}'`), `the client registers ${id}`);
  });

  it('contributes the injection grammar and the manifest schema', () => {
    const c = pkg['contributes'] as { grammars: { path: string; injectTo: string[] }[]; jsonValidation: { fileMatch: string; url: string }[] };
    assert.ok(fs.existsSync(path.join(repoRoot, c.grammars[0]!.path)));
    assert.deepEqual(c.grammars[0]!.injectTo, ['text.plain', 'text.html.markdown']);
    const manifest = c.jsonValidation.find((j) => j.fileMatch === 'kamerwijzer.json')!;
    assert.ok(fs.existsSync(path.join(repoRoot, manifest.url)));
  });
});
