/**
 * Markdown for hovers and other MarkupContent, safe whatever the text holds: every piece of text is
 * escaped (no link, image, autolink, HTML or code span can come out of a title, a file name, a
 * footnote or a glossary entry) and every link target is checked — web addresses only over http(s)
 * to a named host, workspace documents only as file URIs — and carries no character that Markdown
 * or HTML would read. A last pass (`safeMarkdown`) takes out whatever slipped through: raw HTML,
 * image syntax and links to anything else (`command:`, `javascript:`, `data:` …).
 */

/** Escapes text for Markdown: its characters show as themselves. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(\s*)([#+\-=]|\d+[.)])/gm, '$1\\$2');
}

/** Characters a link destination may carry as they are; every other one is percent-encoded. */
const URL_SAFE = /[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/g;

function encodeUnsafe(url: string): string {
  return url.replace(URL_SAFE, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
}

/**
 * A web address fit to link to from Markdown: http or https, a host that is a domain name (no user
 * name or password, no IP address, no `localhost`), in its normalized form with every character
 * Markdown or HTML would read percent-encoded. Undefined for anything else.
 */
export function safeWebUrl(raw: string | undefined): string | undefined {
  if (!raw || !/^https?:\/\//i.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  const host = url.hostname;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host) || /^[\d.]+$/.test(host)) return undefined;
  return encodeUnsafe(url.href);
}

/** A workspace document's URI fit to link to (file URIs only), optionally at a 1-based line and column. */
export function safeFileUrl(uri: string, line?: number, column?: number): string | undefined {
  if (!/^file:\/\//i.test(uri)) return undefined;
  const base = encodeUnsafe(uri.replace(/#.*$/s, ''));
  return line === undefined ? base : `${base}#L${line}${column === undefined ? '' : `,${column}`}`;
}

/** A Markdown link: escaped text to a checked target; the escaped text alone when the target is not fit. */
export function markdownLink(text: string, target: string | undefined): string {
  const label = escapeMarkdown(text);
  return target ? `[${label}](${target})` : label;
}

/** `[text](https://…)`: a link to a checked web address, or the text alone. */
export function webLink(text: string, url: string | undefined): string {
  return markdownLink(text, safeWebUrl(url));
}

/** The host of a web address, for showing where a link goes ("rvo.nl"); empty when it is not one. */
export function hostOf(url: string | undefined): string {
  const safe = safeWebUrl(url);
  return safe ? new URL(safe).hostname.replace(/^www\./, '') : '';
}

/**
 * The last pass over Markdown built from escaped pieces: takes out raw HTML (`<` shows as text),
 * image syntax (`![` becomes `!` and a link) and links to anything but http(s) and file URIs (the
 * brackets stay as text). Escaped characters are left as they are.
 */
export function safeMarkdown(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    if (c === '\\' && i + 1 < markdown.length) {
      out += c + markdown[++i]!;
    } else if (c === '<') {
      out += '\\<';
    } else if (c === '!' && markdown[i + 1] === '[') {
      out += '&#33;';
    } else if (c === ']' && markdown[i + 1] === ':') {
      // A link reference definition ("[x]: command:…") is not something Kamerwijzer writes.
      out += '\\]';
    } else if (c === ']' && markdown[i + 1] === '(') {
      const close = markdown.indexOf(')', i + 2);
      const target = close < 0 ? '' : markdown.slice(i + 2, close);
      if (close >= 0 && /^(?:https?:\/\/|file:\/\/)[A-Za-z0-9\-._~:/?#@!$&+,;=%]*$/.test(target)) {
        out += markdown.slice(i, close + 1);
      } else {
        // Not a target Kamerwijzer makes: the bracket shows as text and nothing links.
        out += '\\]\\(';
        i++;
        continue;
      }
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}
