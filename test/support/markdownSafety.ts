/**
 * Whether Markdown (a hover, completion documentation) is safe to render: read with a CommonMark
 * parser (markdown-it, with HTML and every link scheme let through so that nothing is hidden from
 * the check), it must hold no raw HTML, no image and no link but to http(s) and file URIs — so no
 * `command:`, `javascript:` or `data:` link — and the text no image syntax `![`.
 */
interface Token {
  readonly type: string;
  readonly content: string;
  readonly children: Token[] | null;
  attrGet(name: string): string | null;
}

const MarkdownIt = require('markdown-it') as new (options: Record<string, unknown>) => { parse(src: string, env: object): Token[]; validateLink: (url: string) => boolean };
const md = new MarkdownIt({ html: true, linkify: true });
md.validateLink = () => true;

/** What is unsafe in a piece of Markdown, one line each; empty when it is safe. */
export function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  if (markdown.includes('![')) problems.push('image syntax ![');
  const walk = (tokens: readonly Token[]): void => {
    for (const t of tokens) {
      if (t.type === 'image') problems.push(`image of ${t.attrGet('src')}`);
      if (t.type.startsWith('html')) problems.push(`HTML ${t.content}`);
      if (t.type === 'link_open') {
        const href = t.attrGet('href') ?? '';
        if (!/^(?:https?|file):\/\//i.test(href)) problems.push(`link to ${href}`);
      }
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  return problems;
}
