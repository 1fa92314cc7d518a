/**
 * Where an open document's text changed since the version last handed to the analysis worker, from
 * the editor's own edits (didChange's ranges), so that the next version goes to the worker as that
 * change (the worker holds the text it was given last) instead of a copy of the whole text — 7 ms of
 * this thread's time per keystroke in a 5 MB letter, the text copied into the message — and neither
 * side compares the two texts to find it.
 *
 * Per document one trail: from a text (the version the worker was last given) to the text now, and the
 * stretch between them, the edits composed as they come (engine/incremental.ts composeStretch). Only
 * texts the editor and the worker's bookkeeping hold anyway are referred to.
 *
 * Beside it, where the editor's text differs from each of the last texts given to the worker
 * (`given`, `stretchFrom`): a request answered from the analysis held while a newer version is
 * analyzed maps its places through that stretch (lsp/staleView.ts) instead of comparing the two
 * texts — which made V8 copy the editor's new text whole (10 MB for a 5 MB letter) on the first
 * request after every keystroke — and the editor's line index is made from the analyzed one.
 */
import { composeStretch, type ChangedStretch } from '../engine/incremental';

/** One edit of a text: `[start, end)` replaced by the text `inserted`. */
export interface TextEditPlace {
  readonly start: number;
  readonly end: number;
  readonly inserted: string;
}

interface Trail {
  readonly from: string;
  readonly to: string;
  /** Undefined: the two texts are the same. */
  readonly stretch: ChangedStretch | undefined;
  /** The stretch's text in `to`, where one edit made it (more are read from `to`). */
  readonly inserted?: string;
}

/** Where a text changed, and the text there now (what replaced the old text's stretch). */
export interface TakenEdit {
  readonly stretch: ChangedStretch;
  readonly inserted: string;
}

/** A text given to the analysis worker, and where the editor's text now differs from it (undefined: nowhere). */
interface Mark {
  readonly text: string;
  stretch: ChangedStretch | undefined;
}

/**
 * How many texts given to the worker are followed per document: an open document's next version is
 * given once the one before it is analyzed, so the analysis held is of the last text given or the one
 * before it (a third for a version whose analysis failed); each held here beyond those is a text kept
 * longer than the analyses keep it.
 */
const MARKS_KEPT = 3;

export class EditTrail {
  private readonly trails = new Map<string, Trail>();
  /** Per open document: the editor's text now, and the last texts given to the worker with where the editor's text differs from each. */
  private readonly marks = new Map<string, { to: string; readonly list: Mark[] }>();

  /**
   * An edit of an open document: `after` is `before` with the edit made. An edit of a text the trail
   * does not end in starts a new trail; undefined `edit` (the whole text replaced) too, from the new
   * text on (the trail knows nothing of the texts before it).
   */
  record(uri: string, before: string, after: string, edit: TextEditPlace | undefined): void {
    this.follow(uri, before, after, edit);
    const trail = this.trails.get(uri);
    if (!edit) {
      this.trails.set(uri, { from: after, to: after, stretch: undefined });
      return;
    }
    const goesOn = trail?.to === before;
    const stretch = composeStretch(goesOn ? trail.stretch : undefined, edit.start, edit.end, edit.inserted.length);
    this.trails.set(uri, { from: goesOn ? trail.from : before, to: after, stretch, ...(goesOn && trail.stretch ? {} : { inserted: edit.inserted }) });
  }

  /**
   * Where `to` differs from `from` (both the document's texts), if the trail knows, with the text
   * there now (read from `to` only where several edits made it: one edit's is kept, so that the text
   * just made of it is not read whole for it); the trail then starts again at `to` (the version handed
   * on). Undefined when it does not know (another text, or edits it was not told of): the whole text goes.
   */
  take(uri: string, from: string | undefined, to: string): TakenEdit | undefined {
    const trail = this.trails.get(uri);
    this.trails.set(uri, { from: to, to, stretch: undefined });
    if (from === undefined || !trail || trail.from !== from || trail.to !== to) return undefined;
    const stretch = trail.stretch ?? { start: to.length, oldEnd: to.length, newEnd: to.length };
    return { stretch, inserted: trail.inserted ?? to.slice(stretch.start, stretch.newEnd) };
  }

  /**
   * The worker was given `text` of the document (the text of a version an analysis will be made of):
   * where the editor's text differs from it is followed from now on (`stretchFrom`), when it is the
   * editor's text now.
   */
  given(uri: string, text: string): void {
    const held = this.marks.get(uri);
    if (!held) {
      this.marks.set(uri, { to: text, list: [{ text, stretch: undefined }] });
      return;
    }
    if (held.to !== text) return;
    if (held.list.length >= MARKS_KEPT) held.list.shift();
    held.list.push({ text, stretch: undefined });
  }

  /**
   * Where the editor's text `to` differs from `from`, a text the worker was given (`given`) of the
   * document — `{ stretch: undefined }` when nowhere — as the edits since tell it, without reading
   * either text (a wider stretch than the least one); undefined when the trail does not know. The
   * texts given before `from` are no longer followed.
   */
  stretchFrom(uri: string, from: string, to: string): { readonly stretch: ChangedStretch | undefined } | undefined {
    const held = this.marks.get(uri);
    if (!held || held.to !== to) return undefined;
    const i = givenAt(held.list, from);
    if (i < 0) return undefined;
    held.list.splice(0, i);
    return { stretch: held.list[0]!.stretch };
  }

  /**
   * An analysis of `text` (a text given) is held now: the texts given before it are no longer followed
   * (no later view is of their analyses), so none is kept longer than the analyses keep it.
   */
  held(uri: string, text: string): void {
    const list = this.marks.get(uri)?.list;
    if (list) list.splice(0, Math.max(0, givenAt(list, text)));
  }

  /** An edit of the editor's text: where it differs from each text followed moves on; another text starts over (nothing followed). */
  private follow(uri: string, before: string, after: string, edit: TextEditPlace | undefined): void {
    const held = this.marks.get(uri);
    if (!held) return;
    if (!edit || held.to !== before) {
      this.marks.delete(uri);
      return;
    }
    for (const mark of held.list) mark.stretch = composeStretch(mark.stretch, edit.start, edit.end, edit.inserted.length);
    held.to = after;
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.trails.delete(uri);
    this.marks.delete(uri);
  }
}

/** Where `text` stands among the texts followed, the newest first (-1: not there); compared by length first. */
function givenAt(list: readonly Mark[], text: string): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.text.length === text.length && list[i]!.text === text) return i;
  return -1;
}
