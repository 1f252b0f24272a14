import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';

// Page furniture around a government article: menus, breadcrumbs, headers, footers, share bars.
const chromeRe =
  /nav|menu|breadcrumb|crumb|footer|header|sidebar|side-bar|share|position|location|toolbar|copyright|banner|search|login|related|pager/i;
const articleRe = /article|content|zoom|trs_editor|detail|main|text|zw|body/i;
const dropTags = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'button', 'select']);
const blockTags = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tbody',
  'thead',
  'section',
  'article',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
]);

function classOf(el: HTMLElement): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function stripChrome(root: HTMLElement): void {
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName?.toLowerCase() ?? '';
    if (dropTags.has(tag) || (chromeRe.test(classOf(el)) && !articleRe.test(classOf(el)))) el.remove();
  }
}

/** The element holding the article: <article>, else the content-like block with the most text. */
function pickArticle(root: HTMLElement): HTMLElement {
  const article = root.querySelector('article');
  if (article && article.text.trim().length > 50) return article;
  let best: HTMLElement | null = null;
  let bestLen = 0;
  for (const el of root.querySelectorAll('div, section, td, main')) {
    if (!articleRe.test(classOf(el))) continue;
    const len = el.text.replace(/\s+/g, '').length;
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  return best && bestLen > 50 ? best : (root.querySelector('body') ?? root);
}

const circledDigits = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Word's automatic numbering reaches us as <ol>: write the numbers back, one style per nesting depth. */
function listMarker(li: HTMLElement): string {
  const siblings = (li.parentNode?.childNodes ?? []).filter(
    (c) => c.nodeType === NodeType.ELEMENT_NODE && (c as HTMLElement).tagName?.toLowerCase() === 'li',
  );
  const n = siblings.indexOf(li) + 1;
  let depth = 0;
  for (let p = li.parentNode?.parentNode; p; p = p.parentNode) if (p.tagName?.toLowerCase() === 'ol') depth++;
  if (depth === 0) return `${n}.`;
  if (depth === 1) return `（${n}）`;
  return circledDigits[n - 1] ?? `${n}.`;
}

function render(node: Node, out: string[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.push(node.text.replace(/[ \t\r\n]+/g, ' '));
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const el = node as HTMLElement;
  const tag = el.tagName?.toLowerCase() ?? '';
  if (tag === 'tr') {
    const cells = el.childNodes
      .filter((c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE && /^t[dh]$/i.test((c as HTMLElement).tagName ?? ''))
      .map((c) => {
        const parts: string[] = [];
        for (const k of c.childNodes) render(k, parts);
        return parts
          .join('')
          .replace(/\s*\n\s*/g, ' ')
          .trim();
      });
    out.push(`\n${cells.join('\t')}\n`);
    return;
  }
  const block = blockTags.has(tag);
  if (block) out.push('\n');
  if (tag === 'li' && el.parentNode?.tagName?.toLowerCase() === 'ol') out.push(listMarker(el));
  for (const c of el.childNodes) render(c, out);
  if (block) out.push('\n');
}

/** Plain text of an HTML document or fragment: one paragraph a line, table rows as tab-separated cells. */
export function htmlToText(html: string, opts: { findArticle: boolean }): string {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  let scope: HTMLElement = root;
  if (opts.findArticle) {
    stripChrome(root);
    scope = pickArticle(root);
  }
  const out: string[] = [];
  const title = opts.findArticle ? root.querySelector('h1') : null;
  if (title && !scope.querySelector('h1') && title.text.trim()) out.push(`${title.text.trim()}\n`);
  render(scope, out);
  return tidyText(out.join(''));
}

/** One normal form for every input: \n line ends, no blank lines, no indentation or trailing spaces. */
export function tidyText(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+$/g, '').replace(/^[ \u3000]+/, ''))
    .filter((l) => l.trim() !== '')
    .join('\n');
}
