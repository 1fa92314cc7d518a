import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/features/codeActions';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/features/diagnostics/model';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import { computeDiagnostics, type DiagnosticData } from '../../../server/src/features/diagnostics/run';
import { memoryWorkspace } from '../../support/memoryWorkspace';

const TEXT = 'Zie Kamerstukken 30 821, nr. 97.\nZie ook (Kamerstuk 35420, 57).\n<!-- kamerwijzer-disable-next-line citation-malformed -->\nEn Kamerstuk 34952- 86.\n';

describe('diagnostics runner and quick fixes', () => {
  const ws = memoryWorkspace({ known: [] });
  const doc = ws.add('brief.md', TEXT);

  it('applies default severities, codes, source and silencing comments', async () => {
    const all = await computeDiagnostics(doc, ws.ctx(), DEFAULT_DIAGNOSTIC_SETTINGS, ALL_RULES);
    const malformed = all.filter((d) => d.code === 'citation-malformed');
    assert.deepEqual(malformed.map((d) => d.range.start.line), [0, 1], 'line 3 is silenced');
    assert.ok(malformed.every((d) => d.severity === DiagnosticSeverity.Warning && d.source === 'kamerwijzer'));
    assert.ok(all.filter((d) => d.code === 'kamerstuk-unknown').every((d) => d.severity === DiagnosticSeverity.Information));
  });

  it('follows configured severities, including off', async () => {
    const all = await computeDiagnostics(doc, ws.ctx(), { ...DEFAULT_DIAGNOSTIC_SETTINGS, severity: { 'citation-malformed': 'error', 'kamerstuk-unknown': 'off' } }, ALL_RULES);
    assert.ok(all.some((d) => d.code === 'citation-malformed' && d.severity === DiagnosticSeverity.Error));
    assert.ok(!all.some((d) => d.code === 'kamerstuk-unknown'));
  });

  it('reports a failing rule and carries on', async () => {
    const failures: string[] = [];
    const broken = { code: 'broken', defaultSeverity: 'warning' as const, description: 'x', check: () => { throw new Error('boom'); } };
    const all = await computeDiagnostics(doc, ws.ctx(), DEFAULT_DIAGNOSTIC_SETTINGS, [broken, ...ALL_RULES], (code) => failures.push(code));
    assert.deepEqual(failures, ['broken']);
    assert.ok(all.length > 0);
  });

  it('turns the carried fixes into quick fixes, a fix-all and source.fixAll', async () => {
    const all = await computeDiagnostics(doc, ws.ctx(), DEFAULT_DIAGNOSTIC_SETTINGS, ALL_RULES);
    const first = all.find((d) => d.code === 'citation-malformed')!;
    assert.ok((first.data as DiagnosticData).fixes.length > 0, 'diagnostic carries its fix');
    const actions = codeActions({ diagnostics: [first], allDiagnostics: all }, 'nl', (uri) => ws.index.get(uri));
    const quick = actions.find((a) => a.kind === 'quickfix' && a.isPreferred)!;
    assert.equal(quick.title, 'Schrijf als ‘Kamerstuk 30 821, nr. 97’');
    assert.deepEqual(quick.edit!.changes![doc.uri], [{ range: first.range, newText: 'Kamerstuk 30 821, nr. 97' }]);
    const fixAll = actions.find((a) => a.title.startsWith('Zet alle Kamerstukcitaties'))!;
    assert.equal(fixAll.edit!.changes![doc.uri]!.length, 2);
    const source = codeActions({ diagnostics: [], allDiagnostics: all, only: ['source.fixAll'] }, 'en', (uri) => ws.index.get(uri));
    assert.equal(source.length, 1);
    assert.equal(source[0]!.kind, 'source.fixAll.kamerwijzer');
    assert.equal(source[0]!.edit!.changes![doc.uri]!.length, 2);
  });
});
