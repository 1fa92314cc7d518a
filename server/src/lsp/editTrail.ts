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

export class EditTrail {
  private readonly trails = new Map<string, Trail>();

  /**
   * An edit of an open document: `after` is `before` with the edit made. An edit of a text the trail
   * does not end in starts a new trail; undefined `edit` (the whole text replaced) too, from the new
   * text on (the trail knows nothing of the texts before it).
   */
  record(uri: string, before: string, after: string, edit: TextEditPlace | undefined): void {
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

  /** The document was closed. */
  forget(uri: string): void {
    this.trails.delete(uri);
  }
}
