/** Nederlandse teksten. */
export const nl = {
  kind: {
    kamerstuk: 'Kamerstuk',
    dossier: 'Dossier',
    documentNumber: 'Documentnummer',
    motion: 'Motie',
    amount: 'Bedrag',
    deadline: 'Termijn',
  },
  cli: {
    usage: `Gebruik: kamerwijzer <opdracht> [opties] PAD...

Opdrachten:
  extract [--json] [--document-date JJJJ-MM-DD] PAD...   toon alle verwijzingen
  check PAD...                                           controleer documenten en vat samen
  lsp --stdio                                            start de taalserver (voor editors)

Mappen worden doorzocht op .txt- en .md-bestanden. Opties: --lang nl|en, --help, --version.`,
    unknownCommand: (c: string) => `onbekende opdracht: ${c} (zie kamerwijzer --help)`,
    unknownOption: (o: string) => `onbekende optie: ${o}`,
    missingValue: (o: string) => `optie ${o} verwacht een waarde`,
    badDate: (o: string, v: string) => `${o}: geen geldige datum (JJJJ-MM-DD): ${v}`,
    noPaths: 'geen bestanden of mappen opgegeven',
    missing: (f: string) => `${f}: bestand of map bestaat niet`,
    directoryEmpty: (f: string) => `${f}: geen .txt- of .md-bestanden gevonden`,
    binary: (f: string) => `${f}: binair bestand, geen tekst; overgeslagen`,
    tooLarge: (f: string, d: string) => `${f}: bestand te groot (${d}); overgeslagen`,
    unreadable: (f: string, d: string) => `${f}: niet leesbaar (${d}); overgeslagen`,
    decodedAs: (f: string, enc: string) => `${f}: geen geldige UTF-8, gelezen als ${enc}`,
    badManifest: (f: string, d: string) => `${f}: manifest niet bruikbaar: ${d}`,
    noDate: 'datum onbekend',
    date: (d: string) => `datum ${d}`,
    found: 'gevonden',
    files: (n: number) => (n === 1 ? '1 bestand' : `${n} bestanden`),
    total: 'totaal',
    count: {
      kamerstuk: (n: number) => `${n} ${n === 1 ? 'Kamerstuk' : 'Kamerstukken'}`,
      dossier: (n: number) => `${n} ${n === 1 ? 'dossier' : 'dossiers'}`,
      documentNumber: (n: number) => `${n} ${n === 1 ? 'documentnummer' : 'documentnummers'}`,
      motion: (n: number) => `${n} ${n === 1 ? 'motie' : 'moties'}`,
      amount: (n: number) => `${n} ${n === 1 ? 'bedrag' : 'bedragen'}`,
      deadline: (n: number) => `${n} ${n === 1 ? 'termijn' : 'termijnen'}`,
      footnote: (n: number) => `${n} ${n === 1 ? 'voetnoot' : 'voetnoten'}`,
    },
    ownIdentity: 'eigen kenmerk',
    nothingFound: 'geen verwijzingen gevonden',
  },
} as const;
