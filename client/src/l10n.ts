/**
 * The client's texts in the user's language: `kamerwijzer.language` ("nl", "en"), or with "auto"
 * VS Code's display language — the same choice the server makes for hovers and messages, so a
 * Dutch setting gives a Dutch status bar, view and notifications in an English VS Code too.
 * English strings are the keys; l10n/bundle.l10n.nl.json holds their Dutch (a test checks that
 * every string the client shows has one).
 */
import * as vscode from 'vscode';
import nlBundle from '../../l10n/bundle.l10n.nl.json';

const NL: Readonly<Record<string, string>> = nlBundle;

export type ClientLocale = 'nl' | 'en';

/** The language of the client's texts. */
export function clientLocale(): ClientLocale {
  const setting = vscode.workspace.getConfiguration('kamerwijzer').get<string>('language', 'auto');
  if (setting === 'nl' || setting === 'en') return setting;
  return /^nl([-_]|$)/i.test(vscode.env.language) ? 'nl' : 'en';
}

/** A text in the user's language, "{0}"… filled in. */
export function t(message: string, ...args: (string | number)[]): string {
  const template = clientLocale() === 'nl' ? (NL[message] ?? message) : message;
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}
