// The editor cases every real-editor test checks, as plain data: the code-server run (vscode.e2e.ts), the
// extension-host suite (test/vscode/suite) and the Neovim check (neovim.ts) all read this file.
//
// Files are names inside the seeds workspace (seeds/). Lines are 1-based, as editors show them. `at` is literal,
// case-sensitive text; the cursor goes on its first occurrence in the file, `offset` characters in.

/** Settings every run uses (a fixed "today" keeps deadline findings stable; Dutch messages and hovers). */
export const SETTINGS = {
  'kamerwijzer.today': '2026-11-23',
  'kamerwijzer.language': 'nl',
  // No test touches the internet.
  'kamerwijzer.online': false,
} as const;

export const SEED = {
  s000: '000_314d4768fc43998e.txt',
  s001: '001_6eee23a5c68b1126.txt',
  s002: '002_185b39cd919789ed.txt',
  s003: '003_5ba8678b3eddeb36.txt',
  s004: '004_845066ec087d8ccf.txt',
} as const;

/** How many documents the workspace index holds once it is ready (the five seeds). */
export const INDEXED_DOCUMENTS = 5;

export interface HoverCase {
  file: string;
  at: string;
  offset: number;
  /** Fragments the hover text must contain (free of Markdown markup, so rendered and raw text both match). */
  expect: string[];
}

export interface DefinitionCase {
  file: string;
  at: string;
  offset: number;
  /** The file go-to-definition opens. */
  target: string;
}

export interface DiagnosticCase {
  file: string;
  /** 1-based line of the finding. */
  line: number;
  code: string;
  /** A fragment of the (Dutch) message. */
  message: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
}

export interface QuickFixCase {
  file: string;
  line: number;
  /** The cursor goes here (on `line`) before asking for fixes. */
  at: string;
  offset: number;
  /** The preferred quick fix's label. */
  label: string;
  /** The text that line contains after the fix (and `at` no longer). */
  after: string;
}

export interface OutlineCase {
  file: string;
  /** Top-level outline entries, in order. */
  groups: string[];
}

export const HOVER_CASES: HoverCase[] = [
  {
    file: SEED.s003,
    at: 'Kamerstuk 29826, nr. 277',
    offset: 5,
    expect: ['Kamerstuk 29 826, nr. 277', 'Brief regering', 'Industriebeleid met focus'],
  },
  {
    file: SEED.s003,
    at: 'Kamerstuk 29826, nr. 250',
    offset: 5,
    expect: ['Kamerstuk 29 826, nr. 250', 'Motie', 'onderbouwde visie en bijbehorend actieplan'],
  },
];

export const DEFINITION_CASES: DefinitionCase[] = [
  { file: SEED.s003, at: 'Kamerstuk 29826, nr. 277', offset: 5, target: SEED.s002 },
  { file: SEED.s004, at: 'Kamerstuk 29 826, nr. 147', offset: 5, target: SEED.s001 },
];

export const DIAGNOSTIC_CASES: DiagnosticCase[] = [
  { file: SEED.s000, line: 576, code: 'citation-malformed', message: 'mist ‘nr.’', severity: 'warning' },
];

export const QUICK_FIX_CASES: QuickFixCase[] = [
  {
    file: SEED.s000,
    line: 576,
    at: 'Kamerstuk 35420, 57',
    offset: 2,
    label: 'Schrijf als ‘Kamerstuk 35 420, nr. 57’',
    after: 'Kamerstuk 35 420, nr. 57',
  },
];

export const OUTLINE_CASES: OutlineCase[] = [
  {
    file: SEED.s000,
    groups: ['Geciteerde documenten', 'Moties', 'Bedragen', 'Termijnen', 'Voetnoten', 'Beleidsinstrumenten'],
  },
];
