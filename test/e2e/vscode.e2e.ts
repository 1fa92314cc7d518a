// End-to-end test of the PACKAGED extension in VS Code: code-server (VS Code 1.139 under Node 24) with
// kamerwijzer.vsix installed, a temporary copy of seeds/ as the workspace, the workbench driven in Debian's
// Chromium by Playwright. Checks the shared cases (cases.ts): hover, go to definition, the Problems panel, a
// quick fix (saved, then read back from disk) and the Outline. Screenshots of every step go to
// test/e2e/artifacts/vscode-NN-*.png; with E2E_README_IMAGES=1 the four used in README.md are copied to images/.
//
//   npm run package && npx tsc -p test/e2e && node out/test/e2e/vscode.e2e.js
//
// The .vsix is $E2E_VSIX, else kamerwijzer.vsix in the repository, rebuilt with `npm run package` when it is
// missing or older than dist/. Start-up (code-server, browser, workbench, extension ready) is tried up to 3
// times; every step waits on UI state and has its own time limit (E2E_STEP_TIMEOUT_MS, default 90 s).
// Prints "N passed, N failed" and exits non-zero when a step failed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEFINITION_CASES, DIAGNOSTIC_CASES, HOVER_CASES, INDEXED_DOCUMENTS, OUTLINE_CASES, QUICK_FIX_CASES, SEED, SETTINGS } from './cases';
import { startCodeServer, type CodeServer } from './codeServer';
import { artifactsDir, log, repoRoot, waitFor } from './tools';
import { launchBrowser, Workbench, type ProblemRow } from './workbench';

const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 90_000);
const START_ATTEMPTS = 3;
const START_TIMEOUT_MS = 240_000;
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
/** Screenshots for README.md ("In the editor"), by step. */
const README_IMAGES: Record<string, string> = {
  hover: 'editor-hover.png',
  problems: 'editor-problems.png',
  'quick-fix-menu': 'editor-quick-fix.png',
  outline: 'editor-outline.png',
  citations: 'editor-citations.png',
  'inlay-hints': 'editor-inlay-hints.png',
  completion: 'editor-completion.png',
  report: 'editor-report.png',
};

interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

/** kamerwijzer.vsix, packaged again (npm run package) when missing or older than the bundle in dist/. */
export function ensureVsix(): string {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const vsix = path.join(repoRoot, 'kamerwijzer.vsix');
  const bundle = ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/data/catalog.json'].map((f) => path.join(repoRoot, f));
  const newest = Math.max(...bundle.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : Infinity)));
  if (!fs.existsSync(vsix) || fs.statSync(vsix).mtimeMs < newest) {
    log(`packaging: npm run package (${fs.existsSync(vsix) ? 'kamerwijzer.vsix is older than dist/' : 'no kamerwijzer.vsix'})`);
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return vsix;
}

/** A throw-away copy of seeds/ (the quick fix edits a file; the repository's seeds are never touched). */
function copySeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-e2e-seeds-'));
  const workspace = path.join(dir, 'seeds');
  fs.cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  return workspace;
}

function withTimeout<T>(what: string, p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: time limit of ${ms} ms exceeded`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A RegExp that matches text containing every fragment (in any order). */
function allOf(fragments: string[]): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${fragments.map((f) => `(?=[\\s\\S]*${esc(f)})`).join('')}`);
}

interface Session {
  cs: CodeServer;
  browser: Browser;
  wb: Workbench;
  indexed: number;
}

/** code-server + browser + workbench + the extension's server ready ("indexed N documents"): one attempt. */
async function startSession(workspace: string, vsix: string, firstFile: string): Promise<Session> {
  let cs: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    cs = await startCodeServer({
      workspace,
      vsix: [vsix],
      attempts: 1,
      settings: {
        ...SETTINGS,
        // Only the groups at first: the outline (a virtual list) then shows all of them at once.
        'outline.collapseItems': 'alwaysCollapse',
      },
    });
    browser = await launchBrowser();
    const wb = await Workbench.open(browser, cs.folderUrl, { name: 'vscode', viewport: { width: 1280, height: 800 } });
    // Opening a plain-text file activates the extension (onLanguage:plaintext).
    await wb.openFile(firstFile);
    await wb.waitForStatusBar('Kamerwijzer', 60_000);
    const out = await wb.outputChannel('Kamerwijzer', { expect: /indexed \d+ documents/, timeoutMs: 60_000 });
    const counts = [...out.matchAll(/indexed (\d+) documents/g)].map((m) => Number(m[1]));
    await hidePanel(wb);
    return { cs, browser, wb, indexed: counts[counts.length - 1] ?? -1 };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await cs?.stop().catch(() => undefined);
    throw e;
  }
}

async function closeSession(s: Session): Promise<void> {
  await s.wb.close().catch(() => undefined);
  await s.browser.close().catch(() => undefined);
  await s.cs.stop().catch(() => undefined);
}

async function hidePanel(wb: Workbench): Promise<void> {
  const panel = wb.page.locator('#workbench\\.parts\\.panel');
  if (await panel.isVisible()) {
    await wb.page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

/** For the screenshot: collapses the folder tree so the Outline gets the side bar, and opens one group. */
async function showOutlineFully(wb: Workbench, group: string): Promise<void> {
  const folders = wb.page.locator('.sidebar .pane-header[aria-expanded="true"]:has(+ .pane-body .explorer-folders-view)');
  if ((await folders.count()) > 0) {
    await folders.first().click();
    await wb.parkMouse();
  }
  const row = wb.page.locator('.outline-pane .monaco-list-row[aria-level="1"]', { hasText: group }).first();
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.locator('.monaco-tl-twistie').click();
    await wb.parkMouse();
    await waitFor(`outline group ${group} to open`, async () => (await row.getAttribute('aria-expanded')) === 'true', 5_000);
  }
}

type Step = <T>(name: string, fn: (wb: Workbench) => Promise<T>, check?: (v: T) => string | undefined) => Promise<T | undefined>;

/** The review features (issue 15): the Citations view, an inlay hint, completion, Check workspace, the status bar, the report. */
async function reviewSteps(step: Step, shot: (label: string) => Promise<void>, workspace: string): Promise<void> {
  const file = SEED.s002;
  await step(`the Citations view lists the citations of ${file} by kind, with status and title`, async (wb) => {
    await wb.openFile(file);
    await hidePanel(wb);
    await wb.runCommand('Focus on Citations View');
    const rows = await wb.viewRows('Citations', { match: (rs) => rs.some((r) => r.text.includes('Kamerstuk 29 826, nr. 258')) && rs.some((r) => /^Kamerstukken/.test(r.text)) });
    // For the screenshot: the other side bar sections (folders, Outline, Timeline) collapsed.
    const others = wb.page.locator('.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: 'Citations' });
    for (let i = (await others.count()) - 1; i >= 0; i--) await others.nth(i).click();
    await wb.parkMouse();
    await shot('citations');
    return rows.slice(0, 6).map((r) => r.text);
  }, (rows) => (rows.some((r) => /bekend/.test(r)) ? undefined : `no status "bekend" in ${JSON.stringify(rows)}`));
  await step('clicking a citation in the view reveals it in the letter', async (wb) => {
    await wb.clickViewRow('Citations', 'Kamerstuk 29 826, nr. 258');
    return waitFor('the cursor on line 131', async () => ((await wb.cursorPosition()).line === 131 ? 'line 131' : false), 10_000);
  });
  await step('the Citations view toggles to the whole workspace and back', async (wb) => {
    await wb.clickViewAction('Citations', 'Show the citations of the whole workspace');
    const rows = await wb.viewRows('Citations', { match: (rs) => rs.some((r) => r.text.includes('000_314d4768fc43998e.txt')) });
    await wb.clickViewAction('Citations', 'Show the citations of the open document');
    await wb.viewRows('Citations', { match: (rs) => rs.some((r) => /^Kamerstukken/.test(r.text)) });
    return rows.filter((r) => r.level === 1).map((r) => r.text);
  });
  await step('an inlay hint shows the date a deadline resolves to', async (wb) => {
    await wb.openFile(SEED.s003);
    await wb.goToLine(4);
    const text = await waitFor('the inlay hint "31 dec 2025"', async () => ((await wb.editorText()).includes('31 dec 2025') ? await wb.editorText() : false), 30_000);
    await shot('inlay-hints');
    return text.split('\n').find((l) => l.includes('31 dec 2025'))?.slice(0, 200) ?? '';
  });
  await step('completion offers the motions of the submitter being typed', async (wb) => {
    await wb.openFile(SEED.s004);
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('Zie de motie van het lid Kos', { delay: 20 });
    await wb.page.keyboard.press('Control+Space');
    const widget = wb.page.locator('.editor-widget.suggest-widget');
    const text = await waitFor('the suggestions', async () => {
      const t = (await widget.isVisible()) ? await widget.innerText() : '';
      return /Kosti[cć]/.test(t) ? t : false;
    }, 30_000);
    await shot('completion');
    await wb.page.keyboard.press('Escape');
    // The letter as it was: undo what was typed.
    for (let i = 0; i < 30 && (await wb.activeEditorDirty()); i++) await wb.page.keyboard.press('Control+Z');
    return text.replace(/\s+/g, ' ').slice(0, 200);
  });
  await step('Check workspace puts the findings of every document, open or not, in the Problems panel; the status bar counts them', async (wb) => {
    // With no letter open, what the Problems panel lists comes from the check.
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Kamerwijzer: Check workspace');
    const note = await waitFor('the check summary', async () => (await wb.notifications()).find((n) => /5 documenten gecontroleerd/.test(n)) ?? false, 60_000);
    // The list is virtual: the first file (000, the most findings) and its rows are what is in the DOM.
    const rows = await wb.problems({ match: (rs) => rs.some((r) => r.kind === 'file' && r.text.includes(SEED.s000)) && rs.filter((r) => r.kind === 'marker' && /kamerwijzer/.test(r.text)).length >= 5 });
    const bar = await wb.waitForStatusBar(/Kamerwijzer\s*\d+\s*\d+/);
    await shot('check-workspace');
    await hidePanel(wb);
    return { note, rows: rows.length, bar };
  });
  await step('Export citation report writes a Markdown report of the letter', async (wb) => {
    await wb.openFile(file);
    await wb.runCommand('Kamerwijzer: Export citation report');
    await wb.pickQuickInput('Markdown', (l) => l === 'Markdown');
    await wb.pickQuickInput('Dit document', (l) => l.startsWith('Dit document'));
    // The save dialog (code-server's simple dialog) proposes citatierapport.md in the workspace folder.
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await waitFor('the save dialog', async () => (await input.isVisible()) && /citatierapport\.md$/.test(await input.inputValue()), 20_000);
    await wb.page.keyboard.press('Enter');
    const target = path.join(workspace, 'citatierapport.md');
    await waitFor('the report on disk', async () => fs.existsSync(target) && fs.readFileSync(target, 'utf8').includes('29 826, nr. 258'), 20_000);
    const open = wb.page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: 'Openen' }).first();
    await open.click({ timeout: 10_000 });
    await waitFor('the report to open', async () => (await wb.activeTabTitle()) === 'citatierapport.md', 20_000);
    await shot('report');
    return fs.readFileSync(target, 'utf8').split('\n').slice(0, 3).join(' / ');
  });
  await step('a folder deleted outside the editor takes its documents out of the workspace (one event for the folder)', async (wb) => {
    const dir = path.join(workspace, 'bijlagen');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'nieuwe-brief.md'), 'Zie ook Kamerstuk 29826, nr. 258.\n');
    await wb.runCommand('Focus on Citations View');
    await wb.clickViewAction('Citations', 'Show the citations of the whole workspace');
    await wb.viewRows('Citations', { match: (rs) => rs.some((r) => r.level === 1 && r.text.includes('nieuwe-brief.md')) });
    fs.rmSync(dir, { recursive: true, force: true });
    const rows = await wb.viewRows('Citations', { match: (rs) => rs.some((r) => r.text.includes(SEED.s000)) && !rs.some((r) => r.text.includes('nieuwe-brief.md')) });
    await wb.clickViewAction('Citations', 'Show the citations of the open document');
    return rows.filter((r) => r.level === 1).map((r) => r.text);
  });
}

async function main(): Promise<number> {
  const results: StepResult[] = [];
  const timings: Record<string, number> = {};
  const shots: Record<string, string> = {};
  const tStart = Date.now();
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const f of fs.readdirSync(artifactsDir)) if (/^vscode-.*\.png$/.test(f)) fs.rmSync(path.join(artifactsDir, f));
  let session: Session | undefined;
  let workspace: string | undefined;
  const shot = async (label: string): Promise<void> => {
    if (session) shots[label] = await session.wb.screenshot(label);
  };
  const step = async <T>(name: string, fn: (wb: Workbench) => Promise<T>, check?: (v: T) => string | undefined): Promise<T | undefined> => {
    const t0 = Date.now();
    try {
      if (!session) throw new Error('no workbench (start-up failed)');
      const v = await withTimeout(name, fn(session.wb), STEP_TIMEOUT_MS);
      const problem = check?.(v);
      const detail = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
      results.push({ name, ok: problem === undefined, ms: Date.now() - t0, detail: problem ?? detail });
      log(`${problem === undefined ? 'PASS' : 'FAIL'} ${name} (${Date.now() - t0} ms): ${(problem ?? detail).slice(0, 300)}`);
      if (problem !== undefined) await shot(`FAILED-${name}`).catch(() => undefined);
      return problem === undefined ? v : undefined;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      results.push({ name, ok: false, ms: Date.now() - t0, detail: msg });
      log(`FAIL ${name} (${Date.now() - t0} ms): ${msg}`);
      await shot(`FAILED-${name}`).catch(() => undefined);
      // Leave menus, widgets and quick inputs closed for the next step.
      await session?.wb.closeWidgets().catch(() => undefined);
      return undefined;
    }
  };

  try {
    // ------------------------------------------------------------ the package
    let t0 = Date.now();
    const vsix = ensureVsix();
    timings.packageVsix = Date.now() - t0;
    const size = fs.statSync(vsix).size;
    results.push({ name: 'vsix under 2 MB', ok: size < MAX_VSIX_BYTES, ms: 0, detail: `${vsix}: ${size} bytes` });
    log(`vsix: ${vsix} (${(size / 1024).toFixed(0)} KiB)`);

    // ------------------------------------------------------------ start-up, retried
    workspace = copySeeds();
    t0 = Date.now();
    let lastError: unknown;
    for (let attempt = 1; attempt <= START_ATTEMPTS && !session; attempt++) {
      const starting = startSession(workspace, vsix, HOVER_CASES[0]!.file);
      try {
        session = await withTimeout(`start-up attempt ${attempt}`, starting, START_TIMEOUT_MS);
      } catch (e) {
        // An attempt that outlives its time limit is closed whenever it does finish.
        starting.then(closeSession, () => undefined);
        lastError = e;
        log(`start-up attempt ${attempt}/${START_ATTEMPTS} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    timings.startUp = Date.now() - t0;
    if (!session) throw lastError instanceof Error ? lastError : new Error(String(lastError));
    results.push({
      name: 'extension installed from the .vsix and ready',
      ok: session.indexed === INDEXED_DOCUMENTS,
      ms: timings.startUp,
      detail: `indexed ${session.indexed} documents (want ${INDEXED_DOCUMENTS})`,
    });
    log(`ready: indexed ${session.indexed} documents`);
    await shot('ready');

    // ------------------------------------------------------------ hover
    for (const [i, c] of HOVER_CASES.entries()) {
      await step(`hover on "${c.at}" in ${c.file}`, async (wb) => {
        await wb.openFile(c.file);
        await wb.cursorOnText(c.at, { offset: c.offset });
        const text = await wb.hover({ expect: allOf(c.expect) });
        if (i === 0) await shot('hover');
        await wb.closeWidgets();
        return text.replace(/\s+/g, ' ').slice(0, 200);
      });
    }

    // ------------------------------------------------------------ go to definition
    for (const c of DEFINITION_CASES) {
      await step(`go to definition (F12) of "${c.at}" in ${c.file} opens ${c.target}`, async (wb) => {
        await wb.openFile(c.file);
        await wb.cursorOnText(c.at, { offset: c.offset });
        const where = await wb.goToDefinition({ expectTab: c.target });
        await shot(`definition-${c.target.slice(0, 3)}`);
        return where;
      }, (r) => (r.tab === c.target ? undefined : `active tab ${r.tab}`));
    }

    // ------------------------------------------------------------ Problems panel
    for (const c of DIAGNOSTIC_CASES) {
      const isCase = (r: ProblemRow) =>
        r.kind === 'marker' && r.text.includes(c.code) && r.text.includes(c.message) && r.ariaLabel.includes(`at line ${c.line} `);
      await step(`Problems panel (Ctrl+Shift+M) lists Kamerwijzer diagnostics of ${c.file}`, async (wb) => {
        await wb.openFile(c.file);
        const ours = (r: ProblemRow) => r.kind === 'marker' && /\bkamerwijzer\b/.test(r.text);
        const rows = await wb.problems({ match: (rs) => rs.filter(ours).length >= 3 });
        await shot('problems');
        return rows.filter(ours).slice(0, 3).map((r) => `${r.text} | aria: ${r.ariaLabel}`);
      });
      await step(`Problems panel shows ${c.code} at line ${c.line}`, async (wb) => {
        const rows = await wb.problems({ filter: c.code, match: (rs) => rs.some(isCase) });
        const row = rows.find(isCase)!;
        await wb.problems({ filter: '' });
        const severity = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' }[c.severity];
        if (!row.ariaLabel.startsWith(severity)) throw new Error(`severity: ${row.ariaLabel}`);
        return row.text;
      });
    }

    // ------------------------------------------------------------ quick fix
    for (const c of QUICK_FIX_CASES) {
      const file = path.join(workspace, c.file);
      const lineOnDisk = () => fs.readFileSync(file, 'utf8').split('\n')[c.line - 1] ?? '';
      await step(`quick fix (Ctrl+.) "${c.label}" at ${c.file}:${c.line}, saved`, async (wb) => {
        await wb.openFile(c.file);
        const p = await wb.cursorOnText(c.at, { offset: c.offset });
        if (p.line !== c.line) throw new Error(`"${c.at}" found at line ${p.line}, not ${c.line}`);
        const labels = await wb.quickFix(c.label, STEP_TIMEOUT_MS, { beforePick: () => shot('quick-fix-menu') });
        await waitFor('the editor to show the fix', async () => wb.activeEditorDirty(), 10_000);
        await wb.save();
        const line = await waitFor(`line ${c.line} on disk to read "${c.after}"`, () => {
          const l = lineOnDisk();
          return l.includes(c.after) && !l.includes(c.at) ? l : false;
        }, 10_000);
        await shot('after-quick-fix');
        return { labels, line };
      });
      await step(`the fixed ${c.file}:${c.line} has no finding left in Problems`, async (wb) => {
        // The list is filtered to the rule; its other findings stay, the fixed one goes.
        const rule = DIAGNOSTIC_CASES.find((d) => d.file === c.file && d.line === c.line)?.code ?? 'citation-malformed';
        const mine = (rs: ProblemRow[]) => rs.filter((r) => r.kind === 'marker' && r.text.includes(rule));
        const gone = (rs: ProblemRow[]) => mine(rs).length > 0 && !mine(rs).some((r) => r.ariaLabel.includes(`at line ${c.line} `));
        await wb.problems({ filter: rule, match: gone });
        await wb.problems({ filter: '' });
        await hidePanel(wb);
        return 'gone';
      });
    }

    // ------------------------------------------------------------ outline
    for (const c of OUTLINE_CASES) {
      await step(`Outline of ${c.file} shows the groups`, async (wb) => {
        await wb.openFile(c.file);
        await wb.page.keyboard.press('Control+Home');
        const items = await wb.outline({ minItems: c.groups.length });
        const top = items.filter((i) => i.level === 1).map((i) => i.label);
        await showOutlineFully(wb, c.groups[0]!);
        await shot('outline');
        return top;
      }, (top) => {
        // VS Code sorts the outline by position (of each group's first entry), not in the server's order.
        const want = [...c.groups].sort();
        return JSON.stringify([...top].sort()) === JSON.stringify(want) ? undefined : `groups ${JSON.stringify(top)}, want ${JSON.stringify(c.groups)}`;
      });
    }

    // ------------------------------------------------------------ Citations view, inlay hints, completion, check, report
    await reviewSteps(step, shot, workspace!);

    // Known noise: 404s for optional resources, and the chat feature waiting for a GitHub sign-in provider.
    const errs = session.wb.errors().filter((e) => !/Failed to load resource|ERR_NAME_NOT_RESOLVED|authentication provider 'github'/.test(e));
    if (errs.length > 0) log(`workbench console errors (${errs.length}), first: ${errs.slice(0, 3).join(' | ').slice(0, 600)}`);
  } catch (e) {
    results.push({ name: 'setup', ok: false, ms: 0, detail: e instanceof Error ? e.stack ?? e.message : String(e) });
    log(`FAIL setup: ${e instanceof Error ? e.stack : String(e)}`);
  } finally {
    const tStop = Date.now();
    if (session) await closeSession(session);
    timings.stop = Date.now() - tStop;
    if (workspace && process.env.E2E_KEEP_TMP !== '1') fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }

  if (process.env.E2E_README_IMAGES === '1') {
    for (const [label, name] of Object.entries(README_IMAGES)) {
      if (shots[label]) {
        const to = path.join(repoRoot, 'images', name);
        try {
          // A 128-colour palette makes a screenshot a third of its size (ImageMagick, where installed).
          execFileSync('convert', [shots[label]!, '-dither', 'None', '-colors', '128', `PNG8:${to}`], { stdio: 'ignore' });
        } catch {
          fs.copyFileSync(shots[label]!, to);
        }
        log(`README image: images/${name} (${Math.round(fs.statSync(to).size / 1024)} KiB)`);
      }
    }
  }
  timings.total = Date.now() - tStart;
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  fs.writeFileSync(path.join(artifactsDir, 'vscode-results.json'), JSON.stringify({ results, timings, screenshots: shots }, null, 2));
  log(`timings (ms): ${JSON.stringify(timings)}`);
  log(`screenshots and logs: ${artifactsDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
