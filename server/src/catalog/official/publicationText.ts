/**
 * An official publication's XML (the repository's xml manifestation) as a readable text file: front
 * matter with what it is (Kamerstuk, title, date, source), then its text — headings, paragraphs,
 * list items and table rows each on their own lines, footnotes as Markdown footnotes — so that
 * go-to-definition can open it in any editor, offline later, and its own citations are recognized
 * like any letter's.
 */
import type { PublicationMetadata } from './metadata';
import { parseXml, textOf, type XmlElement } from './xml';
import type { KamerstukId } from '../../engine/identifiers';

/** Elements whose content stands on its own line. */
const BLOCKS = new Set([
  'al', 'titel', 'kop', 'tussenkop', 'tekstregel', 'li', 'stuknr', 'datumtekst', 'aanhef', 'slotformulering', 'ondertekening', 'functie', 'naam',
  'dossiernummer', 'row', 'entry', 'table', 'tabel', 'p', 'h1', 'h2', 'h3', 'h4', 'lid', 'artikel', 'regel', 'vraag', 'antwoord', 'omschr',
]);
/** Elements whose text is no part of the reading text. */
const SKIP = new Set(['metadata', 'meta', 'noot', 'li.nr', 'nr']);

export interface PublicationFacts {
  /** What the publication is: a Kamerstuk, or a Handelingen publication by its official id. */
  readonly identity: { readonly kamerstuk: KamerstukId } | { readonly handelingen: string };
  /** kst-29826-250, h-tk-20212022-62-7, ah-tk-20212022-1456. */
  readonly officialId: string;
  readonly metadata?: PublicationMetadata;
  /** The official page (zoek.officielebekendmakingen.nl/{id}.html). */
  readonly pageUrl: string;
  /** The ISO date on which it was fetched. */
  readonly fetchedOn: string;
}

/** The readable text; throws XmlError when the XML is malformed. */
export function renderPublication(xml: string, facts: PublicationFacts): string {
  const root = parseXml(xml);
  const notes: string[] = [];
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  // The tree in document order, with an explicit stack (no recursion as deep as the XML): an element
  // opens, its children follow (a table row's entries each closed by " | "), and a block ends its line.
  type Step = { readonly open: XmlElement } | { readonly text: string } | { readonly flush: true };
  const steps: Step[] = [{ open: root }];
  while (steps.length) {
    const step = steps.pop()!;
    if ('text' in step) {
      line += step.text;
      continue;
    }
    if ('flush' in step) {
      flush();
      continue;
    }
    const el = step.open;
    if (el.name === 'noot') {
      notes.push(noteText(el));
      line += `[^${notes.length}]`;
      continue;
    }
    if (SKIP.has(el.name) || (el.name === 'tekstregel' && el.attrs['inhoud'] === 'kamernummer')) continue;
    const block = BLOCKS.has(el.name);
    if (block) flush();
    if (el.name === 'li') line += `${liNumber(el)} `;
    line += el.text;
    if (block) steps.push({ flush: true });
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (el.name === 'row' && c.name === 'entry') steps.push({ text: ' | ' });
      steps.push({ open: c });
    }
  }
  flush();
  const m = facts.metadata;
  const front = [
    '---',
    'kamerstuk' in facts.identity ? `kamerstuk: ${facts.identity.kamerstuk.dossier}-${facts.identity.kamerstuk.nr}` : `handelingen: ${facts.identity.handelingen}`,
    ...(m?.title ? [`titel: ${yamlString(m.title)}`] : []),
    ...(m?.issued ? [`datum: ${m.issued}`] : []),
    ...(m?.type ? [`soort: ${yamlString(m.type)}`] : []),
    ...(m?.dossierTitle ? [`dossiertitel: ${yamlString(m.dossierTitle)}`] : []),
    ...(m?.submitters.length ? [`indieners: ${yamlString(m.submitters.join(', '))}`] : []),
    `bron: ${facts.pageUrl}`,
    `opgehaald: ${facts.fetchedOn}`,
    '---',
    '',
    `<!-- ${facts.officialId}: officiële tekst van officielebekendmakingen.nl, door Kamerwijzer opgehaald en bewaard. -->`,
    '',
  ];
  const body = lines.join('\n\n');
  const footnotes = notes.map((n, i) => `[^${i + 1}]: ${n}`).join('\n');
  return `${front.join('\n')}${body}\n${footnotes ? `\n${footnotes}\n` : ''}`;
}

function noteText(el: XmlElement): string {
  return textOf(el, (e) => e.name !== 'noot.nr');
}

function liNumber(el: XmlElement): string {
  const nr = el.children.find((c) => c.name === 'li.nr');
  return nr ? nr.text.trim() || '•' : '•';
}

/** A YAML double-quoted scalar. */
function yamlString(s: string): string {
  return JSON.stringify(s.replace(/\s+/g, ' ').trim());
}
