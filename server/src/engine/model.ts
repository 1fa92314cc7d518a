/**
 * The reference model: what the engine finds in a Dutch policy text.
 *
 * Every reference carries its exact place in the source text (`span`: offset and length in UTF-16
 * code units, as JavaScript strings and LSP count them), the exact source `text`, and normalized
 * fields as defined in the annotation guideline (test/fixtures/eval/GUIDELINE.md).
 */

/** A stretch of the source text, in UTF-16 code units from the start of the document. */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** A zero-based line and UTF-16 character, as LSP positions count them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type ReferenceKind = 'kamerstuk' | 'dossier' | 'documentNumber' | 'motion' | 'amount' | 'deadline' | 'handelingen';

interface ReferenceBase {
  readonly kind: ReferenceKind;
  readonly span: Span;
  /** The span as LSP positions (zero-based line and UTF-16 character); analyze() sets it on every reference. */
  readonly range?: Range;
  /** The exact source text of the whole reference (line breaks included). */
  readonly text: string;
}

/** How a Kamerstuk citation was written; the citation-style rules read this. */
export interface KamerstukCitationForm {
  /** The leading word as written ("Kamerstuk", "Kamerstukken II", "Kamerstuknummer", "kst-"), or null for a bare citation. */
  readonly keyword: string | null;
  /** The dossier as written ("29 826", "35300 XIII", "21501-30"). */
  readonly dossierText: string;
  /** The marker before the number as written ("nr.", "nr", "nrs.", "stuk nr.", "letter"), or null when absent. */
  readonly numberMarker: string | null;
  /** The separator between dossier and number as written (", nr. ", "-", "- ", ", "), normalized whitespace. */
  readonly separator: string;
  /** Span of the dossier part. */
  readonly dossierSpan: Span;
  /** Span of the number part. */
  readonly nrSpan: Span;
  /** True when the dossier was taken from an earlier part of the same citation ("nrs. 2302, 2374 en 2676"). */
  readonly dossierInherited: boolean;
  /** True for the official identifier form kst-29826-277. */
  readonly identifier: boolean;
}

/** One Kamerstuk cited by dossier and ondernummer. */
export interface KamerstukReference extends ReferenceBase {
  readonly kind: 'kamerstuk';
  /** Dossier without spaces, suffix joined with "-" in upper case: "29826", "35300-XIII", "21501-30". */
  readonly dossier: string;
  /** The ondernummer as written: digits ("250") or Eerste Kamer letters ("H", "AB"). */
  readonly nr: string;
  /** Further dossiers of a joint paper ("Kamerstukken 29 826 en 32 813, nr. 135" → ["32813"]). */
  readonly alsoDossiers?: readonly string[];
  /** "I" (Eerste Kamer) or "II" (Tweede Kamer) when written. */
  readonly chamber?: 'I' | 'II';
  /** The vergaderjaar when written, normalized to "2019-2020". */
  readonly vergaderjaar?: string;
  /** A page reference when written ("p. 3", "blz. 12-13"): the pages as written. */
  readonly pages?: string;
  readonly form: KamerstukCitationForm;
}

/** A Kamerstuk dossier cited without an ondernummer. */
export interface DossierReference extends ReferenceBase {
  readonly kind: 'dossier';
  readonly dossier: string;
}

/** A Tweede Kamer document number such as 2025D44449. */
export interface DocumentNumberReference extends ReferenceBase {
  readonly kind: 'documentNumber';
  readonly number: string;
}

/** Where the Kamerstuk of a motion was found. */
export type MotionLinkSource = 'sentence' | 'parenthesis' | 'footnote' | 'document';

/** One mention of a specific motion. */
export interface MotionReference extends ReferenceBase {
  readonly kind: 'motion';
  /** Surnames as written, without "het lid", "de leden", "c.s.". */
  readonly submitters: readonly string[];
  /** True when "c.s." follows the last name. */
  readonly cs: boolean;
  /** The Kamerstuk cited for this motion, when the same sentence, parenthesis or footnote gives it. */
  readonly kamerstuk?: { readonly dossier: string; readonly nr: string; readonly span: Span; readonly source: MotionLinkSource };
  /** Span of the submitters' names (for renames and diagnostics). */
  readonly namesSpan: Span;
}

export type AmountPeriod = 'perJaar' | 'structureel' | 'incidenteel';

/** A sum of money in euros. */
export interface AmountReference extends ReferenceBase {
  readonly kind: 'amount';
  /** Value in euros (the low end of a range). */
  readonly value: number;
  /** High end of a range. */
  readonly valueMax?: number;
  /** "per jaar" / "structureel" / "incidenteel" where stated. */
  readonly qualifiers?: readonly AmountPeriod[];
  /** How the number was written, for the notation rules: 'dutch' (1.600,5), 'english' (1,600.5 / 1.5 miljard), 'plain'. */
  readonly notation: 'dutch' | 'english' | 'plain';
  /** The currency marker as written ("€", "EUR", "euro") or null for a bare "100 miljoen". */
  readonly currency: string | null;
  /** The scale word as written ("miljard", "mln", "mrd") or null. */
  readonly scale: string | null;
  /**
   * For a figure in a table whose caption gives the unit ("63.539" under "(bedragen x € 1.000)"): the
   * unit as written and where it stands. `currency` and `scale` are then null: the figure writes neither.
   */
  readonly tableUnit?: { readonly text: string; readonly span: Span };
}

/** A moment or period by or in which something is to happen. */
export interface DeadlineReference extends ReferenceBase {
  readonly kind: 'deadline';
  /** First day of the period (ISO date), absent when the expression names only an end. */
  readonly start?: string;
  /** Last day (ISO date, inclusive) by which it is due; absent when it cannot be resolved (no document date). */
  readonly end?: string;
  /** The cue as written ("uiterlijk", "voor", "eind", "Q", ...). */
  readonly cue: string;
  /** True when the year came from the document's date rather than the text. */
  readonly relative: boolean;
  /** Phrasing that presents it as still to come ("uiterlijk", "voor", "zal", ...), for the stale-deadline rules. */
  readonly future: boolean;
}

/**
 * The Handelingen: the report of a plenary sitting ("Handelingen II 2023/24, nr. 41, item 5") or, in
 * the Aanhangsel, an answer to written questions ("Aanhangsel Handelingen II, 2021-2022 nr. 1456").
 */
export interface HandelingenReference extends ReferenceBase {
  readonly kind: 'handelingen';
  /** "I" (Eerste Kamer) or "II" (Tweede Kamer); null when the text does not say. */
  readonly chamber: 'I' | 'II' | null;
  /** The vergaderjaar, normalized to "2021-2022". */
  readonly year: string;
  /** The number as written: the sitting's number, or the Aanhangsel's number. */
  readonly nr: string;
  /** The item of the sitting, where given. */
  readonly item?: string;
  /** True for the Aanhangsel (answers to Kamervragen). */
  readonly aanhangsel: boolean;
  /** The pages as written ("25-36", "1585"), where given. */
  readonly pages?: string;
  /** True for the official identifier form (h-tk-20212022-62-7, ah-tk-20212022-1456). */
  readonly identifier: boolean;
}

export type Reference =
  | HandelingenReference
  | KamerstukReference
  | DossierReference
  | DocumentNumberReference
  | MotionReference
  | AmountReference
  | DeadlineReference;

/** A footnote body, in any of the forms real letters use. */
export interface Footnote {
  /** The label as written ("1", "12"). */
  readonly label: string;
  /** Span of the whole footnote (label included). */
  readonly span: Span;
  /** Span of the footnote's text only. */
  readonly bodySpan: Span;
  /** The footnote's text, whitespace collapsed. */
  readonly body: string;
  /**
   * 'footnoteRef': Word export "[1: text]"; 'pdfLine': a line at the foot of a page or section that
   * starts with its label ("1 SER advies …", "<sup>1</sup> …", "¹ …"); 'endnoteList': the N-th item of
   * a trailing list of "text↩︎" items; 'markdown': a "[^1]: text" definition; 'bracket': a plain-text
   * note line "[1] text" or "[1: text]" under a text with "[1]" markers.
   */
  readonly style: 'footnoteRef' | 'pdfLine' | 'endnoteList' | 'markdown' | 'bracket';
}

/** A footnote marker in the running text ("[footnoteRef:1]", a superscript "1" glued to a word). */
export interface FootnoteMarker {
  readonly label: string;
  readonly span: Span;
  /** 'superscript': digits glued to a word, "<sup>1</sup>" or "¹"; 'markdown': "[^1]"; 'bracket': a plain "[1]". */
  readonly style: 'footnoteRef' | 'superscript' | 'markdown' | 'bracket';
}

/**
 * Where a piece of metadata came from. Precedence: an explicit option beats front matter, front
 * matter beats the text's own header forms, and a manifest only fills what the text does not say.
 */
export type MetadataSource = 'header' | 'openDataHeader' | 'datumLine' | 'manifest' | 'frontMatter' | 'option';

/** What the document says (or is said) about itself. */
export interface DocumentMetadata {
  /** The document's own date (ISO). */
  readonly date?: string;
  readonly dateSource?: MetadataSource;
  /** The document's own Kamerstuk, when known. */
  readonly kamerstuk?: { readonly dossier: string; readonly nr: string };
  readonly kamerstukSource?: MetadataSource;
  /** The document's own Tweede Kamer document number. */
  readonly documentNumber?: string;
  readonly documentNumberSource?: MetadataSource;
  /** The title of the document's dossier ("Industriebeleid"), when its header names it; not the document's title. */
  readonly dossierTitle?: string;
  readonly title?: string;
  readonly titleSource?: MetadataSource;
  /** The span of the text where the document names its own identity (header line), for find-references. */
  readonly identitySpan?: Span;
  /**
   * Every place where the document names itself — its official heading, each running page footer,
   * the open-data header, front matter — in order. What stands there is what the document *is*, not
   * what it cites: no reference is made of it.
   */
  readonly identitySpans?: readonly Span[];
  /** Where the document's head (its header lines) ends: its own number there is its identity. */
  readonly headEnd?: number;
  /** Span of YAML front matter, when present (recognizers skip it). */
  readonly frontMatterSpan?: Span;
}

/** What a manifest (kamerwijzer.json) or the caller knows about a file. */
export interface KnownDocumentFacts {
  readonly kamerstuk?: string;
  readonly documentNumber?: string;
  readonly date?: string;
  readonly title?: string;
}

/** A mention of a policy instrument from the glossary. */
export interface InstrumentMention {
  readonly span: Span;
  readonly text: string;
  /** The glossary entry's id. */
  readonly id: string;
  /** True when the text is an abbreviation of the entry (WBSO), false for the full name. */
  readonly abbreviation: boolean;
  /** For an abbreviation with several meanings in the glossary ("NPO"): the ids of all of them. */
  readonly candidates?: readonly string[];
  /**
   * How `id` was chosen among `candidates`: the document writes one of them out ("expansion") or
   * the words around the mention fit one ("context"). Absent with `candidates`: the meaning is open
   * and `id` is only the first candidate (see `isUnresolved`).
   */
  readonly resolvedBy?: 'expansion' | 'context';
}

/** True for a mention of an abbreviation with several meanings whose meaning could not be decided. */
export function isUnresolved(m: InstrumentMention): boolean {
  return !!m.candidates && !m.resolvedBy;
}

/** Everything the engine found in one document. */
export interface DocumentAnalysis {
  readonly metadata: DocumentMetadata;
  /** All references, sorted by offset. */
  readonly references: readonly Reference[];
  readonly footnotes: readonly Footnote[];
  readonly footnoteMarkers: readonly FootnoteMarker[];
  readonly instruments: readonly InstrumentMention[];
}
