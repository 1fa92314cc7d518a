// Checks which keyboard shortcuts reach VS Code (code-server) in headless Chromium on Linux: each is pressed
// ONCE and the UI state it should produce is awaited. Prints a table and writes artifacts/shortcuts.json.
//
//   npx tsc -p test/e2e && node out/test/e2e/shortcuts.js
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer } from './codeServer';
import { buildProbeVsix } from './probeExtension';
import { artifactsDir, log, repoRoot, waitFor } from './tools';
import { launchBrowser, Workbench } from './workbench';

interface Check {
  keys: string[];
  what: string;
  /** Resolves truthy once the shortcut's effect is visible. */
  effect: (page: Page, wb: Workbench) => Promise<boolean>;
  /** Undo the effect afterwards. */
  undo?: string[];
  /** Runs before pressing (e.g. put the cursor somewhere). */
  before?: (wb: Workbench) => Promise<void>;
}

const visible = (sel: string) => async (page: Page) => page.locator(sel).first().isVisible();

const CHECKS: Check[] = [
  { keys: ['Control+P'], what: 'Quick Open', effect: visible('.quick-input-widget .quick-input-box input'), undo: ['Escape'] },
  { keys: ['F1'], what: 'Command Palette', effect: visible('.quick-input-widget .quick-input-box input'), undo: ['Escape'] },
  { keys: ['Control+Shift+P'], what: 'Command Palette', effect: visible('.quick-input-widget .quick-input-box input'), undo: ['Escape'] },
  { keys: ['Control+G'], what: 'Go to Line', effect: visible('.quick-input-widget .quick-input-box input'), undo: ['Escape'] },
  { keys: ['Control+Shift+O'], what: 'Go to Symbol in Editor', effect: visible('.quick-input-widget .quick-input-box input'), undo: ['Escape'] },
  { keys: ['Control+F'], what: 'Find widget', effect: visible('.editor-group-container.active .find-widget.visible'), undo: ['Escape'] },
  {
    keys: ['Control+K', 'Control+I'],
    what: 'Show Hover',
    effect: visible('.monaco-editor .monaco-hover:not(.hidden)'),
    undo: ['Escape'],
    before: async (wb) => void (await wb.cursorOnText('industriebeleid')),
  },
  { keys: ['Control+.'], what: 'Quick Fix menu', effect: visible('.action-widget:not(.action-list-submenu-panel)'), undo: ['Escape'],
    before: async (wb) => void (await wb.cursorOnText('motie')) },
  { keys: ['Control+Shift+M'], what: 'Problems panel', effect: visible('.markers-panel') },
  { keys: ['Control+J'], what: 'Toggle panel (hide)', effect: async (page) => !(await page.locator('.markers-panel').isVisible()) },
  // Ctrl+Shift+U is the Windows/macOS binding; on Linux "View: Toggle Output" is Ctrl+K Ctrl+H.
  { keys: ['Control+K', 'Control+H'], what: 'Output panel', effect: visible('.output-view, #workbench\\.panel\\.output') },
  { keys: ['Control+Shift+E'], what: 'Explorer view', effect: visible('.explorer-folders-view') },
  { keys: ['Control+Shift+F'], what: 'Search view', effect: visible('.search-view') },
  { keys: ['Control+B'], what: 'Toggle side bar (hide)', effect: async (page) => !(await page.locator('#workbench\\.parts\\.sidebar').isVisible()), undo: ['Control+B'] },
  {
    keys: ['F12'],
    what: 'Go to Definition',
    effect: async (_p, wb) => (await wb.activeTabTitle()) === '000_314d4768fc43998e.txt',
    before: async (wb) => void (await wb.cursorOnText('motie')),
  },
  {
    keys: ['Control+W'],
    what: 'Close editor (not the browser tab)',
    effect: async (page, wb) => !page.isClosed() && (await wb.activeTabTitle()) !== '000_314d4768fc43998e.txt',
  },
  {
    keys: ['Control+Space'],
    what: 'Trigger Suggest',
    effect: visible('.editor-widget.suggest-widget.visible'),
    undo: ['Escape'],
    before: async (wb) => void (await wb.openFile('003_5ba8678b3eddeb36.txt')),
  },
  { keys: ['Control+Shift+X'], what: 'Extensions view', effect: visible('.extensions-viewlet') },
];

async function main(): Promise<number> {
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-probe-'));
  const cs = await startCodeServer({
    workspace: path.join(repoRoot, 'seeds'),
    vsix: [buildProbeVsix(probeDir)],
  });
  fs.rmSync(probeDir, { recursive: true, force: true }); // installed: the .vsix is no longer needed
  const browser = await launchBrowser();
  const results: { keys: string; what: string; ok: boolean; ms: number; note?: string }[] = [];
  try {
    const wb = await Workbench.open(browser, cs.folderUrl, { name: 'shortcuts' });
    await wb.openFile('003_5ba8678b3eddeb36.txt');
    for (const c of CHECKS) {
      const keys = c.keys.join(' ');
      let note: string | undefined;
      try {
        await c.before?.(wb);
      } catch (e) {
        note = `setup failed: ${e instanceof Error ? e.message : String(e)}`;
      }
      const t0 = Date.now();
      for (const k of c.keys) await wb.page.keyboard.press(k);
      let ok = false;
      try {
        ok = await waitFor(c.what, async () => (await c.effect(wb.page, wb)) || false, 5_000, 100);
      } catch {
        ok = false;
      }
      results.push({ keys, what: c.what, ok, ms: Date.now() - t0, ...(note ? { note } : {}) });
      log(`${ok ? 'works ' : 'FAILED'} ${keys.padEnd(22)} ${c.what}${note ? ` (${note})` : ''}`);
      if (!ok) await wb.screenshot(`shortcut-failed-${keys}`);
      for (const k of c.undo ?? []) await wb.page.keyboard.press(k);
    }
  } finally {
    await browser.close();
    await cs.stop();
  }
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(path.join(artifactsDir, 'shortcuts.json'), JSON.stringify(results, null, 2));
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return passed === results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
