import * as assert from 'node:assert/strict';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import type { DiagnosticRule } from '../../../server/src/features/diagnostics/model';
import { computeFindings, type CachedRuleFindings } from '../../../server/src/features/diagnostics/run';
import { FindingsCache } from '../../../server/src/service/findingsCache';
import { expect } from '../../support/expect';
import { applied } from '../../support/checks';
import { testWorkspace } from '../../support/workspace';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import { toDiagnostic } from '../../../server/src/lsp/convert';

const TEXT = 'Zie Kamerstukken 30 821, nr. 97.\nZie ook (Kamerstuk 35420, 57).\n<!-- kamerwijzer-disable-next-line citation-malformed -->\nEn Kamerstuk 34952- 86.\n';

describe('diagnostics runner and quick fixes', () => {
  it('applies default severities, codes and silencing comments', async () => {
    const ws = testWorkspace({ known: [] });
    const all = await ws.service.findings(ws.add('brief.md', TEXT));
    const malformed = all.filter((d) => d.code === 'citation-malformed');
    assert.deepEqual(malformed.map((d) => d.range.start.line), [0, 1], 'line 3 is silenced');
    assert.ok(malformed.every((d) => d.severity === 'warning'));
    assert.ok(all.filter((d) => d.code === 'kamerstuk-unknown').every((d) => d.severity === 'information'));
  });

  it('follows configured severities, including off', async () => {
    const ws = testWorkspace({ known: [], settings: { severity: { 'citation-malformed': 'error', 'kamerstuk-unknown': 'off' } } });
    const all = await ws.service.findings(ws.add('brief.md', TEXT));
    assert.ok(all.some((d) => d.code === 'citation-malformed' && d.severity === 'error'));
    assert.ok(!all.some((d) => d.code === 'kamerstuk-unknown'));
  });

  it('gives a checked finding every field of its finding, its related places their ranges, and the diagnostic what LSP shows of them', async () => {
    const ws = testWorkspace({ known: [] });
    const doc = ws.add('brief.md', 'Eerste regel.\nTweede regel met NVWA erin.\n');
    const other = ws.add('ander.md', 'Elders.\nDaar staat NVWA.\n');
    const fix = { title: 'schrijf uit', edits: [{ uri: doc.uri, span: { offset: 31, length: 4 }, newText: 'Nederlandse Voedsel- en Warenautoriteit' }] };
    const rule: DiagnosticRule = {
      code: 'every-field',
      defaultSeverity: 'hint',
      description: 'x',
      check: () => [
        { code: 'every-field', span: { offset: 31, length: 4 }, message: 'met alles', fixes: [fix], tags: ['unnecessary'], related: [{ uri: other.uri, span: { offset: 18, length: 4 }, message: 'elders' }] },
        { code: 'every-field', span: { offset: 0, length: 6 }, message: 'zonder meer' },
      ],
    };
    const found = await computeFindings(doc, ws.service.context(), ws.service.settings.diagnostics, [rule]);
    // Sorted by place; the optional fields only where the finding has them.
    assert.deepEqual(found, [
      { code: 'every-field', span: { offset: 0, length: 6 }, message: 'zonder meer', severity: 'hint', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } } },
      {
        code: 'every-field',
        span: { offset: 31, length: 4 },
        message: 'met alles',
        fixes: [fix],
        tags: ['unnecessary'],
        severity: 'hint',
        range: { start: { line: 1, character: 17 }, end: { line: 1, character: 21 } },
        related: [{ uri: other.uri, span: { offset: 18, length: 4 }, message: 'elders', range: { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } } }],
      },
    ]);
    const diagnostic = toDiagnostic(found[1]!);
    assert.deepEqual(diagnostic, {
      range: found[1]!.range,
      severity: DiagnosticSeverity.Hint,
      code: 'every-field',
      codeDescription: { href: 'https://github.com/kamerwijzer/kamerwijzer#every-field' },
      source: 'kamerwijzer',
      message: 'met alles',
      relatedInformation: [{ location: { uri: other.uri, range: found[1]!.related![0]!.range }, message: 'elders' }],
      tags: [DiagnosticTag.Unnecessary],
    });
    assert.deepEqual(Object.keys(toDiagnostic(found[0]!)), ['range', 'severity', 'code', 'codeDescription', 'source', 'message']);
  });

  it('reports a failing rule and carries on', async () => {
    const ws = testWorkspace({ known: [] });
    const doc = ws.add('brief.md', TEXT);
    const failures: string[] = [];
    const broken = { code: 'broken', defaultSeverity: 'warning' as const, description: 'x', check: () => { throw new Error('boom'); } };
    const all = await computeFindings(doc, ws.service.context(), ws.service.settings.diagnostics, [broken, ...ALL_RULES], (code) => failures.push(code));
    assert.deepEqual(failures, ['broken']);
    assert.ok(all.length > 0);
  });

  it('with findings made elsewhere on their way, runs the rules that read the workspace meanwhile, then what did not come: the same findings in the same order', async () => {
    const ws = testWorkspace({ known: [] });
    const doc = ws.add('brief.md', TEXT);
    const ctx = ws.service.context();
    const settings = ws.service.settings.diagnostics;
    // Three rules with a finding at the same place: their order in the list decides the order of the findings.
    const at = { offset: 4, length: 5 };
    const rule = (code: string, readsWorkspace: boolean): DiagnosticRule => ({
      code,
      defaultSeverity: 'warning',
      description: code,
      check: (c) => {
        if (readsWorkspace) void c.index;
        return [{ code, span: at, message: code }];
      },
    });
    const rules = [rule('a', false), rule('reads', true), rule('b', false)];
    const plain = await computeFindings(doc, ctx, settings, rules);

    const kept = new Map<string, CachedRuleFindings>();
    let settle: () => void = () => undefined;
    const pending = new Promise<void>((resolve) => (settle = resolve));
    const ran: string[] = [];
    const cache = { get: (code: string) => kept.get(code), set: (code: string, f: CachedRuleFindings) => void kept.set(code, f), pending: () => pending, readsWorkspace: (code: string) => code === 'reads' };
    const computing = computeFindings(doc, ctx, settings, rules, undefined, { cache, onRule: (code) => ran.push(code) });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(ran, ['reads'], 'the rule that reads the workspace ran while the others were on their way');
    kept.set('a', { findings: [{ code: 'a', span: at, message: 'a' }], readsWorkspace: false });
    settle();
    const found = await computing;
    assert.deepEqual(ran, ['reads', 'b'], 'what did not come ran here');
    assert.deepEqual(found, plain);
    assert.deepEqual(found.map((f) => f.code), ['a', 'reads', 'b']);
  });

  it('the findings cache learns which rules read the workspace', async () => {
    const ws = testWorkspace({ known: [] });
    const doc = ws.add('brief.md', TEXT);
    const cache = new FindingsCache();
    await cache.findings(doc, [], async (c) => {
      assert.equal(c.readsWorkspace!('x'), false);
      c.set('x', { findings: [], readsWorkspace: true });
      c.set('y', { findings: [], readsWorkspace: false });
      return [];
    });
    const other = ws.add('ander.md', 'Tekst.');
    await cache.findings(other, [], async (c) => {
      assert.deepEqual([c.readsWorkspace!('x'), c.readsWorkspace!('y')], [true, false]);
      // A rule that did not read it this time is no longer counted among them.
      c.set('x', { findings: [], readsWorkspace: false });
      assert.equal(c.readsWorkspace!('x'), false);
      return [];
    });
  });

  it('turns the carried fixes into quick fixes, a fix-all and source.fixAll', async () => {
    const ws = testWorkspace({ known: [] });
    const doc = ws.add('brief.md', TEXT);
    const all = await ws.service.findings(doc);
    const first = all.find((d) => d.code === 'citation-malformed')!;
    const actions = ws.service.codeActions({ selected: [first], all });
    expect`
quickfix Schrijf als ‘Kamerstuk 30 821, nr. 97’ (preferred): 1 edit(s)
quickfix Zet alle Kamerstukcitaties in de huisstijl (2): 2 edit(s)
source.fixAll.kamerwijzer Herstel alle Kamerwijzer-vormfouten: 2 edit(s)
`.assert(actions.map((a) => `${a.kind} ${a.title}${a.preferred ? ' (preferred)' : ''}: ${a.edits.length} edit(s)`).join('\n'));
    assert.equal(applied(TEXT, actions[0]!, doc.uri).split('\n')[0], 'Zie Kamerstuk 30 821, nr. 97.');
    assert.equal(applied(TEXT, actions[1]!, doc.uri).split('\n').slice(0, 2).join('\n'), 'Zie Kamerstuk 30 821, nr. 97.\nZie ook (Kamerstuk 35 420, nr. 57).');
    const source = ws.service.codeActions({ selected: [], all, only: ['source.fixAll'] });
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.kamerwijzer']);
  });
});
