import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

/**
 * The TextMate injection grammar's patterns, compiled as JavaScript regular expressions (the grammar
 * keeps to the syntax both Oniguruma and JavaScript share), on real citation lines.
 */
interface Rule {
  name?: string;
  match?: string;
  patterns?: Rule[];
}

const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'kamerwijzer.injection.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Rule>;
};

function regexesOf(rule: Rule): RegExp[] {
  const own = rule.match ? [new RegExp(rule.match, 'gu')] : [];
  return [...own, ...(rule.patterns ?? []).flatMap(regexesOf)];
}

function matches(kind: string, line: string): string[] {
  return regexesOf(grammar.repository[kind]!).flatMap((re) => [...line.matchAll(re)].map((m) => m[0]));
}

const cases: [string, string, string[]][] = [
  ['kamerstuk', 'zie Kamerstuk 29 826, nr. 147 en verder', ['Kamerstuk 29 826, nr. 147']],
  ['kamerstuk', 'Kamerstukken II 2019/20, 35 300 XIII, nr. 102', ['Kamerstukken II 2019/20, 35 300 XIII, nr. 102']],
  ['kamerstuk', 'Kamerstuknummer 36600-XIII-65.', ['Kamerstuknummer 36600-XIII-65']],
  ['kamerstuk', '(Kamerstuk 26485-446)', ['Kamerstuk 26485-446']],
  ['kamerstuk', 'Kamerstukken 29 826 en 32 813, nr. 135', ['Kamerstukken 29 826 en 32 813, nr. 135']],
  ['kamerstuk', 'https://zoek.officielebekendmakingen.nl/kst-29826-277.html', ['kst-29826-277']],
  ['kamerstuk', 'Kamerstukken I 2021/22, 35 811, C, p. 4 en (Kamerstuk 35 526, letter L)', ['Kamerstukken I 2021/22, 35 811, C', 'Kamerstuk 35 526, letter L']],
  ['kamerstuk', 'Kamerstuk 35 526, De brief en Kamerstuk 35 526, A.B. de Vries', ['Kamerstuk 35 526', 'Kamerstuk 35 526']],
  ['kamerstuk', 'een stuk van 2023 over 12 000 banen', []],
  ['documentNumber', 'Nummer: 2025D44449, zaak 2025Z19083', ['2025D44449']],
  ['handelingen', '(Handelingen II 2023/24, nr. 41, item 5) en', ['Handelingen II 2023/24, nr. 41, item 5']],
  ['handelingen', 'Aanhangsel Handelingen II, 2021-2022 nr. 1456 van 25 januari', ['Aanhangsel Handelingen II, 2021-2022 nr. 1456']],
  ['handelingen', 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2210', ['Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2210']],
  ['handelingen', 'zie ah-tk-20212022-1456.html en h-tk-20212022-62-7', ['ah-tk-20212022-1456', 'h-tk-20212022-62-7']],
  ['handelingen', 'zoals de Handelingen van die dag laten zien', []],
  ['motion', 'de uitvoering van de motie-Kostić c.s. over', ['motie-Kostić c.s.']],
  ['motion', 'Motie van de leden Dassen en Grinwis over', ['Motie van de leden Dassen en Grinwis']],
  ['motion', 'de motie Van der Lee is aangenomen', ['motie Van der Lee']],
  ['motion', 'deze motie is aangenomen', []],
  ['motion', 'Dan de motie op stuk nr. 202 van de heer Graus, waarin', ['motie op stuk nr. 202 van de heer Graus']],
  ['motion', 'lijkt op de motie van meneer Stoffer, dus', ['motie van meneer Stoffer']],
  ['amount', 'een bedrag van EUR 1,118 miljard voor', ['EUR 1,118 miljard']],
  ['amount', 'ruim € 3 mrd in totaal', ['€ 3 mrd']],
  ['amount', 'ongeveer 20 miljard euro per jaar', ['20 miljard euro']],
  ['amount', '20 miljoen mensen en 12% groei', []],
  ['deadline', 'uiterlijk in Q4 van 2025 met een visie', ['uiterlijk in Q4 van 2025']],
  ['deadline', 'voor de zomer informeer ik uw Kamer', ['voor de zomer']],
  ['deadline', 'en eind dit jaar volgt', ['eind dit jaar']],
  ['deadline', 'in het derde kwartaal van 2025 een brief', ['in het derde kwartaal van 2025']],
  ['deadline', 'de doelen voor 2030 en in 2019', []],
];

describe('TextMate injection grammar', () => {
  it('injects into plain text and Markdown with standard scopes', () => {
    assert.match(grammar.injectionSelector, /text\.plain/);
    assert.match(grammar.injectionSelector, /text\.html\.markdown/);
    const scopes = Object.values(grammar.repository).flatMap((r) => [r.name, ...(r.patterns ?? []).map((p) => p.name)]).filter(Boolean) as string[];
    for (const s of scopes) assert.match(s, /^(entity|constant|support|keyword|string|markup|variable)\./, s);
  });
  for (const [kind, line, expected] of cases) {
    it(`${kind}: ${JSON.stringify(line)}`, () => assert.deepEqual(matches(kind, line), expected));
  }
});
