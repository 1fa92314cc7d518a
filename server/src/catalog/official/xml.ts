/**
 * A small element tree from XML, for the official formats (metadata.xml, SRU responses, Kamerstuk
 * XML, SyncFeed pages). Built with `sax` in strict mode: malformed XML is an error, entities of a
 * DTD are never expanded, external resources never read. Element and attribute names lose their
 * namespace prefix ("overheidop:dossiernummer" → "dossiernummer", "tk:bijgewerkt" → "bijgewerkt"):
 * the formats use each local name once. Limits keep a hostile response from using much memory.
 */
import * as sax from 'sax';

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Attributes by local name. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

export class XmlError extends Error {}

export interface XmlLimits {
  readonly maxChars: number;
  readonly maxDepth: number;
  readonly maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 32 * 1024 * 1024, maxDepth: 100, maxElements: 1_000_000 };

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Parses a whole document; throws XmlError when it is not well-formed or exceeds the limits. */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (text.length > limits.maxChars) throw new XmlError(`XML larger than ${limits.maxChars} characters`);
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false, position: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let count = 0;
  let failure: Error | undefined;
  parser.onerror = (e) => {
    failure ??= e;
    // Stop at the first error: a partial tree is never used.
    throw e;
  };
  parser.onopentag = (tag) => {
    if (++count > limits.maxElements) throw new XmlError(`more than ${limits.maxElements} elements`);
    if (stack.length > limits.maxDepth) throw new XmlError(`nested deeper than ${limits.maxDepth}`);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[local(k)] = v;
    const el: XmlElement = { name: local(tag.name), attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const addText = (t: string): void => {
    stack[stack.length - 1]!.text += t;
  };
  parser.ontext = addText;
  parser.oncdata = addText;
  try {
    parser.write(text).close();
  } catch (e) {
    throw e instanceof XmlError ? e : new XmlError(`malformed XML: ${oneLineMessage(failure ?? e)}`);
  }
  const top = root.children[0];
  if (!top) throw new XmlError('no root element');
  return top;
}

function oneLineMessage(e: unknown): string {
  return String((e as Error).message ?? e).split('\n')[0]!.slice(0, 200);
}

/** The first child with a local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every child with a local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Every descendant with a local name, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [...el.children].reverse();
  while (stack.length) {
    const e = stack.pop()!;
    if (e.name === name) out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}

/** The text of an element and all its descendants, white space collapsed. */
export function deepText(el: XmlElement | undefined): string {
  return el ? textOf(el, () => true) : '';
}

/**
 * The text of an element and its descendants in document order, leaving out the elements (and
 * everything in them) that `keep` refuses; white space collapsed. An explicit stack, no recursion.
 */
export function textOf(el: XmlElement, keep: (e: XmlElement) => boolean): string {
  const parts: string[] = [];
  const stack: XmlElement[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    if (!keep(e)) continue;
    parts.push(e.text);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A child's own text, trimmed; undefined when absent, empty or nil (xsi:nil="true"). */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const c = child(el, name);
  if (!c || c.attrs['nil'] === 'true') return undefined;
  const t = deepText(c);
  return t || undefined;
}
