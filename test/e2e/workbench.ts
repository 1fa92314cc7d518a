// Playwright helpers that drive the VS Code workbench served by code-server, in Debian's Chromium.
//
// Everything is done the way a person would (keyboard shortcuts, Quick Open, the command palette) and every
// step waits on UI state (a widget becoming visible, the active tab or the status bar changing) instead of
// sleeping. Selectors are VS Code 1.139's DOM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { artifactsDir, chromiumPath, log, waitFor } from './tools';

/** Flags this machine needs (closed network, root, no GPU); the user-data-dir is a fresh temp dir per launch. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-default-browser-check',
];

export async function launchBrowser(opts: { headless?: boolean } = {}): Promise<Browser> {
  // playwright-core's launch() always uses a new, empty temporary profile (its own --user-data-dir).
  return chromium.launch({
    executablePath: chromiumPath,
    headless: opts.headless ?? process.env.E2E_HEADFUL !== '1',
    args: CHROMIUM_ARGS,
  });
}

export interface Position {
  line: number;
  column: number;
}

export interface ProblemRow {
  /** 'file' for a file's header row, 'marker' for a problem. */
  kind: 'file' | 'marker';
  text: string;
  /** Screen-reader label, e.g. "Warning: kw-probe: motie gevonden at line 1 column 10 in 003_….txt source kw-probe". */
  ariaLabel: string;
}

export interface OutlineItem {
  label: string;
  /** 1 = top level. */
  level: number;
}

const DEFAULT_TIMEOUT = 30_000;

export class Workbench {
  private screenshotCount = 0;
  private readonly consoleErrors: string[] = [];

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly name: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`pageerror: ${e.message}`));
  }

  /**
   * Opens the workbench at `url` (CodeServer.folderUrl) in a new browser context and waits until it is usable:
   * the workbench is visible, the explorer shows the folder (the remote connection is up) and the status bar is
   * there. Whether an extension is active is the test's business (e.g. waitForStatusBar / outputChannel).
   */
  static async open(
    browser: Browser,
    url: string,
    opts: { name?: string; timeoutMs?: number; viewport?: { width: number; height: number } } = {},
  ): Promise<Workbench> {
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(DEFAULT_TIMEOUT);
    const wb = new Workbench(page, context, opts.name ?? 'workbench');
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: opts.timeoutMs ?? 90_000 });
    await wb.waitReady(opts.timeoutMs ?? 90_000);
    log(`workbench ready in ${Date.now() - t0} ms`);
    return wb;
  }

  /** Waits for the workbench, the explorer's first row (or its empty list) and the status bar. */
  async waitReady(timeoutMs = 90_000): Promise<void> {
    const page = this.page;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    // The explorer lists the folder once the remote file system is connected (an empty folder has no rows:
    // then the list itself is enough).
    await page
      .locator('.explorer-folders-view .monaco-list-row, .explorer-folders-view .monaco-list:not(:has(.monaco-list-row))')
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    // Keyboard focus must be inside the workbench for shortcuts to reach it.
    await page.locator('.monaco-workbench').focus().catch(() => undefined);
  }

  // ---------------------------------------------------------------- editors

  /** The active editor tab's label (file name), or '' when no editor is open. */
  async activeTabTitle(): Promise<string> {
    // The tab shows the name split in .label-name ("003_…") and .label-suffix (".txt"); the attribute has it whole.
    const tab = this.page.locator('.editor-group-container.active .tabs-container .tab.active').first();
    if ((await tab.count()) === 0) return '';
    return (await tab.getAttribute('data-resource-name')) ?? (await tab.getAttribute('aria-label')) ?? '';
  }

  /** The active editor's text area (focused when the editor has keyboard focus). */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Focuses the active editor (clicking into it would move the cursor, so this focuses its text area). */
  async focusEditor(): Promise<void> {
    const ta = this.activeEditor().locator('textarea.inputarea, .native-edit-context').first();
    await ta.focus();
    await waitFor('editor focus', () => this.activeEditor().evaluate((el) => el.classList.contains('focused')), 5_000, 50);
  }

  /** Opens a file by (part of) its name with Quick Open (Ctrl+P) and waits until its tab is the active one. */
  async openFile(name: string, timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
    const base = path.basename(name);
    await this.quickInput('Control+P', name, (label) => label.includes(base), timeoutMs);
    await waitFor(`tab ${base} to be active`, async () => (await this.activeTabTitle()) === base, timeoutMs);
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.focusEditor();
  }

  /** The cursor position as the status bar shows it ("Ln 4, Col 12"). */
  async cursorPosition(): Promise<Position> {
    const text = await this.page
      .locator('#status\\.editor\\.selection')
      .innerText({ timeout: 5_000 })
      .catch(() => '');
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    if (!m) throw new Error(`no cursor position in the status bar (${JSON.stringify(text)})`);
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  /** Moves the cursor with Go to Line (Ctrl+G, "line:column"); 1-based like the status bar. */
  async goToLine(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitFor(
      `cursor at ${line}:${column}`,
      async () => {
        const p = await this.cursorPosition();
        return p.line === line && p.column === column;
      },
      10_000,
    );
  }

  /**
   * Puts the cursor on the n-th occurrence (1-based) of `text` in the active editor, at its first character
   * plus `offset` (within the same line), using the find widget, so it works for text scrolled out of view.
   * The search is literal and case-sensitive unless `matchCase: false`. Returns the position (1-based).
   */
  async cursorOnText(
    text: string,
    opts: { occurrence?: number; offset?: number; matchCase?: boolean } = {},
  ): Promise<Position> {
    const page = this.page;
    await this.focusEditor();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    const find = this.activeEditor().locator('.find-widget');
    const input = find.locator('.find-part .input, .find-part textarea').first();
    await input.waitFor({ state: 'visible' });
    // The find widget keeps its toggles between searches: set them explicitly.
    await this.setFindToggle('case-sensitive', opts.matchCase ?? true);
    await this.setFindToggle('whole-word', false);
    await this.setFindToggle('regex', false);
    await input.focus();
    // Clear first: re-typing the previous search string would not trigger find-as-you-type ("? of 9").
    await input.fill('');
    await input.fill(text);
    const count = find.locator('.matchesCount');
    // "1 of 3" once the search ran (find-as-you-type selects the first match after the cursor).
    const counter = await waitFor(
      `find widget to count "${text}"`,
      async () => {
        const c = (await count.innerText()).trim();
        if (/^No results/i.test(c)) throw new Error(`"${text}" not found in ${await this.activeTabTitle()}`);
        if (/^\? of \d+/.test(c)) {
          await page.keyboard.press('Enter'); // found but none selected yet: select the next one
          return false;
        }
        return /^\d+ of \d+/.test(c) ? c : false;
      },
      10_000,
    );
    const occurrence = opts.occurrence ?? 1;
    const total = Number(/of (\d+)/.exec(counter)![1]);
    if (occurrence > total) throw new Error(`"${text}" occurs ${total} times, not ${occurrence}`);
    for (let i = 1; i < occurrence; i++) {
      await page.keyboard.press('Enter');
      await waitFor(`match ${i + 1}`, async () => (await count.innerText()).trim().startsWith(`${i + 1} of`), 5_000);
    }
    // Escape closes the find widget, keeps the match selected and focuses the editor.
    await page.keyboard.press('Escape');
    // The closed find widget stays in the DOM (aria-hidden, off-screen): wait for its "visible" class to go.
    await this.activeEditor().locator('.find-widget.visible').waitFor({ state: 'detached', timeout: 5_000 });
    await waitFor('editor focus after find', () => this.activeEditor().evaluate((el) => el.classList.contains('focused')), 5_000, 50);
    // ArrowLeft collapses the selection to its start. The status bar (updated asynchronously) shows
    // "(n selected)" until then.
    await page.keyboard.press('ArrowLeft');
    let start: Position | undefined;
    await waitFor(
      'selection to collapse',
      async () => {
        if (/selected/.test(await page.locator('#status\\.editor\\.selection').innerText())) return false;
        start = await this.cursorPosition();
        return true;
      },
      5_000,
    );
    const offset = opts.offset ?? 0;
    if (offset === 0) return start!;
    for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
    const want = { line: start!.line, column: start!.column + offset };
    return waitFor(
      `cursor at ${want.line}:${want.column}`,
      async () => {
        const p = await this.cursorPosition();
        return p.line === want.line && p.column === want.column ? p : false;
      },
      5_000,
    );
  }

  private async setFindToggle(name: 'case-sensitive' | 'whole-word' | 'regex', on: boolean): Promise<void> {
    const toggle = this.activeEditor().locator(`.find-widget .monaco-custom-toggle.codicon-${name}`).first();
    if (((await toggle.getAttribute('aria-checked')) === 'true') !== on) {
      await toggle.click();
      await waitFor(`find toggle ${name} ${on ? 'on' : 'off'}`, async () => ((await toggle.getAttribute('aria-checked')) === 'true') === on, 5_000);
    }
  }

  // ---------------------------------------------------------------- language features

  /**
   * Shows the hover at the cursor (Ctrl+K Ctrl+I, "Show or Focus Hover") and returns its text once it is
   * no longer "Loading…". With `expect`, waits until the hover text matches it.
   */
  async hover(opts: { expect?: string | RegExp; timeoutMs?: number } = {}): Promise<string> {
    await this.focusEditor();
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    await this.closeWidgets();
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const matches = (t: string) =>
      opts.expect === undefined ? true : typeof opts.expect === 'string' ? t.includes(opts.expect) : opts.expect.test(t);
    return waitFor(
      `hover${opts.expect ? ` matching ${String(opts.expect)}` : ''}`,
      async () => {
        if (!(await hover.isVisible())) return false;
        const t = (await hover.innerText()).trim();
        if (t === '' || /^Loading\.\.\.|^Loading…/.test(t)) return false;
        return matches(t) ? t : false;
      },
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
    );
  }

  /** Escape twice: closes hovers, suggest and find widgets, peek views. */
  async closeWidgets(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  /**
   * Go to Definition (F12). Waits until the active tab or the cursor position changes and returns where
   * the editor is then.
   */
  async goToDefinition(
    opts: { expectTab?: string; expectLine?: number; timeoutMs?: number } = {},
  ): Promise<{ tab: string; position: Position }> {
    await this.focusEditor();
    const beforeTab = await this.activeTabTitle();
    const beforePos = await this.cursorPosition();
    await this.page.keyboard.press('F12');
    let last = '';
    return waitFor(
      'go to definition to move the editor',
      async () => {
        const tab = await this.activeTabTitle();
        const position = await this.cursorPosition().catch(() => undefined);
        if (!position) return false;
        const moved = tab !== beforeTab || position.line !== beforePos.line || position.column !== beforePos.column;
        if (!moved) return false;
        if (opts.expectTab !== undefined && tab !== opts.expectTab) return false;
        if (opts.expectLine !== undefined && position.line !== opts.expectLine) return false;
        // The status bar updates just after the tab: accept a place only once two polls agree.
        const now = JSON.stringify({ tab, position });
        const stable = now === last;
        last = now;
        return stable ? { tab, position } : false;
      },
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
      150,
    );
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns its rows (file headers and problems). With `minMarkers`,
   * waits until at least that many problems are listed (diagnostics arrive asynchronously).
   */
  async problems(
    opts: { minMarkers?: number; timeoutMs?: number; filter?: string; match?: (rows: ProblemRow[]) => boolean } = {},
  ): Promise<ProblemRow[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible' });
    }
    if (opts.filter !== undefined) {
      // The list is virtual (only the rows in view are in the DOM): the filter box (message, code, source) narrows
      // it down to the rows wanted. It sits in the panel's title bar.
      const box = this.page.locator('.panel .viewpane-filter input, .markers-panel-action-filter input').first();
      await box.waitFor({ state: 'visible' });
      await box.fill(opts.filter);
    }
    // The tree's rows: level 1 = a file, level 2 = a problem (level 3+ = related information).
    const read = (): Promise<ProblemRow[]> =>
      panel.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((e: { getAttribute(name: string): string | null; innerText?: string }) => ({
          kind: e.getAttribute('aria-level') === '1' ? ('file' as const) : ('marker' as const),
          text: (e.innerText ?? '').replace(/\s+/g, ' ').trim(),
          ariaLabel: e.getAttribute('aria-label') ?? '',
        })),
      );
    const min = opts.minMarkers ?? 0;
    return waitFor(
      `${min} problem(s) in the Problems panel`,
      async () => {
        const rows = await read();
        if (opts.match && !opts.match(rows)) return false;
        return rows.filter((r) => r.kind === 'marker').length >= min ? rows : false;
      },
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
      200,
    );
  }

  /**
   * Opens the Quick Fix menu at the cursor (Ctrl+.) and runs the action whose label contains `label`.
   * Returns all labels offered. Waits until the menu closed; the caller checks the edit's effect.
   */
  async quickFix(
    label: string | RegExp,
    timeoutMs = DEFAULT_TIMEOUT,
    opts: { beforePick?: (labels: string[]) => Promise<void> } = {},
  ): Promise<string[]> {
    await this.focusEditor();
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)');
    const rows = menu.locator('.monaco-list-row.action');
    const labels = await waitFor(
      'quick fix menu',
      async () => {
        if (!(await menu.isVisible())) {
          await this.page.keyboard.press('Control+.');
          await menu.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
        }
        const ls = (await rows.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
        return ls.length > 0 ? ls : false;
      },
      timeoutMs,
      300,
    );
    const i = labels.findIndex((l) => (typeof label === 'string' ? l.includes(label) : label.test(l)));
    if (i < 0) {
      await this.page.keyboard.press('Escape');
      throw new Error(`no quick fix ${String(label)}; offered: ${JSON.stringify(labels)}`);
    }
    // e.g. a screenshot of the open menu; then the row is picked with the mouse, as a person would.
    if (opts.beforePick) await opts.beforePick(labels);
    await rows.nth(i).click();
    await this.parkMouse();
    await menu.waitFor({ state: 'hidden' });
    return labels;
  }

  /**
   * Shows the Outline view (command "Explorer: Focus on Outline View") and returns its items with their
   * tree level. With `minItems`, waits until at least that many are listed.
   */
  async outline(opts: { minItems?: number; timeoutMs?: number } = {}): Promise<OutlineItem[]> {
    await this.runCommand('Explorer: Focus on Outline View');
    const tree = this.page.locator('.outline-pane');
    await tree.waitFor({ state: 'visible' });
    const min = opts.minItems ?? 1;
    return waitFor(
      `${min} outline item(s)`,
      async () => {
        const rows = tree.locator('.monaco-list-row');
        const n = await rows.count();
        const items: OutlineItem[] = [];
        for (let i = 0; i < n; i++) {
          const row = rows.nth(i);
          const label = (await row.locator('.label-name').first().innerText().catch(() => '')).trim()
            || (await row.innerText()).trim();
          items.push({ label, level: Number((await row.getAttribute('aria-level')) ?? '1') });
        }
        return items.length >= min ? items : false;
      },
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
      200,
    );
  }

  /**
   * Moves the mouse out of the way (over an empty stretch of the status bar) after a click, so that no tooltip
   * or mouse hover (a tab's, an editor word's) covers what the next step or screenshot looks at.
   */
  async parkMouse(): Promise<void> {
    const box = await this.page.locator('#workbench\\.parts\\.statusbar').boundingBox().catch(() => null);
    if (box) await this.page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
  }

  /** Whether the active editor has unsaved changes. */
  async activeEditorDirty(): Promise<boolean> {
    return (await this.page.locator('.editor-group-container.active .tabs-container .tab.active.dirty').count()) > 0;
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer marked dirty. */
  async save(timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await waitFor('the active editor to be saved', async () => !(await this.activeEditorDirty()), timeoutMs, 100);
  }

  // ---------------------------------------------------------------- commands, screenshots

  /** Runs a command by its palette label (F1, type, Enter on the row with exactly that label, else the first row). */
  async runCommand(label: string, timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
    await this.quickInput('F1', `>${label}`, (l) => l === label, timeoutMs, (l) => l.toLowerCase().includes(label.toLowerCase()));
  }

  /**
   * Shows an output channel (e.g. the language client's "Kamerwijzer" channel) in the Output panel and returns
   * the text of its visible lines. With `expect`, waits until the text matches (e.g. a "server ready" line).
   */
  async outputChannel(name: string, opts: { expect?: string | RegExp; timeoutMs?: number } = {}): Promise<string> {
    await this.runCommand('Output: Show Output Channels...');
    await this.quickInput(null, name, (l) => l === name, opts.timeoutMs ?? DEFAULT_TIMEOUT, (l) => l.includes(name));
    const lines = this.page.locator('.output-view .monaco-editor .view-lines').first();
    await lines.waitFor({ state: 'visible' });
    const matches = (t: string) =>
      opts.expect === undefined ? true : typeof opts.expect === 'string' ? t.includes(opts.expect) : opts.expect.test(t);
    return waitFor(
      `output channel ${name}${opts.expect ? ` matching ${String(opts.expect)}` : ''}`,
      async () => {
        const t = (await lines.innerText()).replace(/\u00a0/g, ' ');
        return matches(t) ? t : false;
      },
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
      200,
    );
  }

  /** Saves a full-window screenshot as test/e2e/artifacts/<name>-<n>-<label>.png and returns its path. */
  async screenshot(label: string): Promise<string> {
    fs.mkdirSync(artifactsDir, { recursive: true });
    this.screenshotCount++;
    const file = path.join(
      artifactsDir,
      `${this.name}-${String(this.screenshotCount).padStart(2, '0')}-${label.replace(/[^\w.-]+/g, '_')}.png`,
    );
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The text of the notification toasts currently shown (e.g. an extension's error message). */
  async notifications(): Promise<string[]> {
    return (await this.page.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((s) => s.trim());
  }

  /** The status bar items' texts (an extension's own item shows when it is active). */
  async statusBarItems(): Promise<string[]> {
    return (await this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').allInnerTexts())
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s !== '');
  }

  /** Waits until a status bar item matches (e.g. the language server's "ready" item). */
  async waitForStatusBar(match: string | RegExp, timeoutMs = DEFAULT_TIMEOUT): Promise<string> {
    return waitFor(
      `status bar item ${String(match)}`,
      async () => (await this.statusBarItems()).find((t) => (typeof match === 'string' ? t.includes(match) : match.test(t))),
      timeoutMs,
      200,
    );
  }

  /** Picks a row of the quick input already open (a quick pick an extension shows): types `value`, takes the row `pick` accepts. */
  async pickQuickInput(value: string, pick: (label: string) => boolean, timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
    await this.quickInput(null, value, pick, timeoutMs, pick);
  }

  /** The rows of a view in the side bar (by its header's title): their text (label and description) and tree level. */
  async viewRows(title: string, opts: { match?: (rows: { text: string; level: number }[]) => boolean; timeoutMs?: number } = {}): Promise<{ text: string; level: number }[]> {
    const pane = this.page.locator(`.sidebar .pane:has(> .pane-header[aria-label*="${title}"]), .sidebar .pane:has(> .pane-header:has-text("${title}"))`).first();
    return waitFor(
      `rows of the ${title} view`,
      async () => {
        const rows = await pane.locator('.monaco-list-row').evaluateAll((els) =>
          els.map((e: { getAttribute(name: string): string | null; innerText?: string }) => ({
            text: (e.innerText ?? '').replace(/\s+/g, ' ').trim(),
            level: Number(e.getAttribute('aria-level') ?? '0'),
          })),
        );
        return rows.length && (!opts.match || opts.match(rows)) ? rows : false;
      },
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
      200,
    );
  }

  /** Clicks the row of a side bar view whose text contains `text`. */
  async clickViewRow(title: string, text: string): Promise<void> {
    const pane = this.page.locator(`.sidebar .pane:has(> .pane-header[aria-label*="${title}"]), .sidebar .pane:has(> .pane-header:has-text("${title}"))`).first();
    await pane.locator('.monaco-list-row', { hasText: text }).first().click();
  }

  /** Clicks an action in a side bar view's title bar (by its tooltip/aria label). */
  async clickViewAction(title: string, action: string): Promise<void> {
    const pane = this.page.locator(`.sidebar .pane:has(> .pane-header[aria-label*="${title}"]), .sidebar .pane:has(> .pane-header:has-text("${title}"))`).first();
    await pane.locator('.pane-header').hover();
    await pane.locator(`.pane-header .action-label[aria-label="${action}"]`).click();
  }

  /** The text of the visible lines of the active editor (inlay hints included where the editor renders them as text). */
  async editorText(): Promise<string> {
    return (await this.activeEditor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** Console errors the workbench logged so far. */
  errors(): string[] {
    return [...this.consoleErrors];
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  // ---------------------------------------------------------------- internals

  /**
   * Opens a quick input with `shortcut`, types `value`, waits for a row that `pick` accepts (or, failing that
   * within a few seconds, one that `fallback` accepts) and presses Enter on it.
   */
  private async quickInput(
    shortcut: string | null,
    value: string,
    pick: (label: string) => boolean,
    timeoutMs: number,
    fallback?: (label: string) => boolean,
  ): Promise<void> {
    const page = this.page;
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await waitFor(
      `quick input (${shortcut ?? 'already open'})`,
      async () => {
        if (await input.isVisible()) return true;
        if (shortcut === null) return false;
        await page.keyboard.press(shortcut);
        await input.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
        return input.isVisible();
      },
      timeoutMs,
      200,
    );
    await input.fill(value);
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    const t0 = Date.now();
    let clicked = false;
    await waitFor(
      `quick input row for ${JSON.stringify(value)}`,
      async () => {
        // A click reported as failed may still have landed: then the pick is closed or moved on.
        if (clicked && (!(await input.isVisible()) || (await input.inputValue()) !== value)) return true;
        const labels = await rows.evaluateAll((els) =>
          els.map((e) => (e.querySelector('.label-name, .monaco-icon-label .label-name')?.textContent ?? e.textContent ?? '').trim()),
        );
        let i = labels.findIndex(pick);
        if (i < 0 && fallback && Date.now() - t0 > 3_000) i = labels.findIndex(fallback);
        if (i < 0) return false;
        // Results stream in and the list re-renders (a row read at index 1 may be at index 0 a moment later):
        // the row is looked up by its label when clicked, and a click that cannot happen at once reads the
        // list again instead of waiting for a row that is gone.
        clicked = true;
        return rows.filter({ hasText: labels[i]! }).first().click({ timeout: 2_000 }).then(() => true, () => false);
      },
      timeoutMs,
      150,
    );
    await this.parkMouse();
    // Closed, or re-used at once by a follow-up pick (e.g. "Show Output Channels..." lists the channels).
    await waitFor(
      `quick input for ${JSON.stringify(value)} to close`,
      async () => !(await input.isVisible()) || (await input.inputValue()) !== value,
      timeoutMs,
      100,
    );
  }
}
