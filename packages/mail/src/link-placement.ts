import type { TemplatePart } from './types.js';

type Node = hbs.AST.Node;
export type LinkIssue = { line: number | null; message: string };

/**
 * Where a template may put the emailed link (it carries the single-use token): in the HTML
 * only as the `href` of an `<a>` whose value is exactly `{{link}}` (and as that link's
 * text), or through `{{> button url=link}}`; in the text part only apart from other text; never
 * in the subject, a helper argument or a block other than `#if`/`#unless`. So a template
 * cannot hand the token to a third party (`<img src="https://x/?{{link}}">` is fetched by
 * the mail client the moment the email is opened).
 */
export function checkLinkPlacement(part: TemplatePart, ast: hbs.AST.Program): LinkIssue | null {
  const markers: Marker[] = [];
  let text = '';
  let issue: LinkIssue | null = null;
  const fail = (node: Node, message: string) => {
    issue ??= { line: node.loc?.start?.line ?? null, message };
  };

  const visit = (node: Node | null | undefined): void => {
    if (!node || issue) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) visit(statement);
        return;
      case 'ContentStatement':
        // The author's text cannot forge a marker.
        text += (node as hbs.AST.ContentStatement).value.replaceAll(MARK, '');
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const args = [...m.params, ...(m.hash?.pairs.map((p) => p.value) ?? [])];
        const passed = args.find(mentionsLink);
        if (passed)
          return fail(
            node,
            `{{link}} cannot be given to "${pathName(m.path)}": write the link as <a href="{{link}}">`,
          );
        const link = isLinkPath(m.path);
        markers.push({ node, link, kind: 'output', at: text.length });
        text += marker(markers.length - 1, link);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = pathName(b.path);
        const conditional = helper === 'if' || helper === 'unless';
        const direct = b.params.every((p) => isLinkPath(p) || !mentionsLink(p));
        if (
          !(conditional && direct) &&
          [...b.params, ...(b.hash?.pairs.map((p) => p.value) ?? [])].some(mentionsLink)
        )
          return fail(
            node,
            `{{link}} cannot be given to "#${helper}" (only {{#if link}} and {{#unless link}} may test it)`,
          );
        if ((helper === 'each' || helper === 'with') && b.params.some(isWholeContext))
          return fail(
            node,
            `"#${helper}" over the whole context is not allowed (it would reach {{link}})`,
          );
        visit(b.program);
        visit(b.inverse);
        return;
      }
      case 'PartialStatement': {
        const p = node as hbs.AST.PartialStatement;
        const pairs = p.hash?.pairs ?? [];
        const wrong = [
          ...p.params.filter(mentionsLink),
          ...pairs
            .filter((pair) => pair.key !== 'url' && mentionsLink(pair.value))
            .map((pair) => pair.value),
        ];
        const url = pairs.find((pair) => pair.key === 'url');
        if (wrong.length || (url && mentionsLink(url.value) && !isLinkPath(url.value)))
          return fail(node, '{{link}} may only be the url of {{> button url=link …}}');
        const link = Boolean(url && isLinkPath(url.value));
        markers.push({ node, link, kind: 'partial', at: text.length });
        text += marker(markers.length - 1, link);
        return;
      }
      default:
        return;
    }
  };
  visit(ast);
  if (issue) return issue;

  for (const [i, m] of markers.entries()) {
    if (!m.link) continue;
    const problem = placementProblem(part, text, i, m);
    if (problem) return { line: m.node.loc?.start?.line ?? null, message: problem };
  }
  return null;
}

interface Marker {
  node: Node;
  link: boolean;
  kind: 'output' | 'partial';
  at: number;
}

/** A private-use character, removed from the author's text, delimits the markers of the outputs. */
const MARK = '\uE000';
const marker = (i: number, link: boolean) => `${MARK}${link ? 'L' : 'V'}${i}${MARK}`;
const LINK_MARKER = new RegExp(`${MARK}L\\d+${MARK}`);

function placementProblem(
  part: TemplatePart,
  text: string,
  index: number,
  m: Marker,
): string | null {
  const own = marker(index, true);
  const start = m.at;
  const end = start + own.length;
  if (part === 'subject') return '{{link}} is not allowed in the subject';
  if (part === 'text') {
    // Plain text: a mail client turns `https://x/?{{link}}` into a link to x; with a space or
    // a line break on both sides, the link stands as its own address.
    const apart = (c: string | undefined) => c === undefined || /\s/.test(c);
    return apart(text[start - 1]) && apart(text[end])
      ? null
      : '{{link}} must stand apart in the text part (a space or a line break before and after it), not inside another address';
  }
  const inTag = text.lastIndexOf('<', start) > text.lastIndexOf('>', start - 1);
  const misplaced =
    '{{link}} is only allowed as the href of a link, <a href="{{link}}">…</a>, or as the text of that link';
  if (inTag) {
    if (m.kind === 'partial') return misplaced;
    const tagStart = text.lastIndexOf('<', start);
    const tagEnd = text.indexOf('>', end);
    const tag = text.slice(tagStart, tagEnd === -1 ? undefined : tagEnd + 1);
    if (!/^<a\s/i.test(tag)) return misplaced;
    const href = new RegExp(`\\shref\\s*=\\s*(["'])${own}\\1`, 'i');
    // `ping` would post the link's address (Ping-To) to another server when it is clicked.
    if (/\sping\s*=/i.test(tag)) return 'an <a href="{{link}}"> may not have a ping attribute';
    return href.test(tag) ? null : misplaced;
  }
  if (m.kind === 'partial') return null;
  // Text: inside an <a> whose href is the link.
  const before = text.slice(0, start);
  const opened = [...before.matchAll(/<a(?:\s[^>]*)?>/gi)].at(-1);
  const closed = [...before.matchAll(/<\/a\s*>/gi)].at(-1)?.index ?? -1;
  if (!opened || (closed !== -1 && closed > (opened.index ?? 0))) return misplaced;
  const href = /\shref\s*=\s*(["'])([^"']*)\1/i.exec(opened[0]);
  return href && LINK_MARKER.test(href[2] ?? '') && href[2]!.replace(LINK_MARKER, '') === ''
    ? null
    : misplaced;
}

function pathName(path: Node): string {
  return path.type === 'PathExpression'
    ? (path as hbs.AST.PathExpression).original
    : String((path as hbs.AST.StringLiteral).original);
}

/** `link`, `this.link`, `../link`, `@root.link`. */
function isLinkPath(node: Node): boolean {
  if (node.type !== 'PathExpression') return false;
  const path = node as hbs.AST.PathExpression;
  return path.data
    ? path.parts[0] === 'root' && path.parts[1] === 'link' && path.parts.length === 2
    : path.parts[0] === 'link' && path.parts.length === 1;
}

/** The link itself, or a sub-expression that reads it. */
function mentionsLink(node: Node): boolean {
  if (isLinkPath(node)) return true;
  if (node.type === 'SubExpression') {
    const s = node as hbs.AST.SubExpression;
    return [...s.params, ...(s.hash?.pairs.map((p) => p.value) ?? [])].some(mentionsLink);
  }
  return false;
}

/** `this`, `.`, `..`, `@root`: the whole context, link included. */
function isWholeContext(node: Node): boolean {
  if (node.type !== 'PathExpression') return false;
  const path = node as hbs.AST.PathExpression;
  return (
    path.parts.length === 0 || (path.data && path.parts.length === 1 && path.parts[0] === 'root')
  );
}
