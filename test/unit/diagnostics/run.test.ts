import * as assert from 'node:assert/strict';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import { computeFindings } from '../../../server/src/features/diagnostics/run';
import { expect } from '../../support/expect';
import { applied } from '../../support/checks';
import { testWorkspace } from '../../support/workspace';

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

  it('reports a failing rule and carries on', async () => {
    const ws = testWorkspace({ known: [] });
    const doc = ws.add('brief.md', TEXT);
    const failures: string[] = [];
    const broken = { code: 'broken', defaultSeverity: 'warning' as const, description: 'x', check: () => { throw new Error('boom'); } };
    const all = await computeFindings(doc, ws.service.context(), ws.service.settings.diagnostics, [broken, ...ALL_RULES], (code) => failures.push(code));
    assert.deepEqual(failures, ['broken']);
    assert.ok(all.length > 0);
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
