/** A problem in a template: its line (when known) and a sentence an editor can show. */
export type Issue = { line: number | null; message: string };

/** A template refused, with the line of the first problem. */
export class TemplateSyntaxError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

/** What Handlebars' parser or compiler threw, as an `Issue` with a line and a readable message. */
export function parseIssue(source: string, error: unknown): Issue {
  const raw = error instanceof Error ? error.message : String(error);
  if (/got 'EOF'/.test(raw)) {
    const open = lastUnclosedBlock(source);
    if (open)
      return {
        line: open.line,
        message: `unclosed block {{${open.sigil}${open.name}}}: {{/${open.name}}} is missing`,
      };
  }
  return { line: lineOf(error), message: cleanMessage(error) };
}

/** The line Handlebars reports: `lineNumber` on compiler exceptions, "on line N" in parser messages. */
export function lineOf(error: unknown): number | null {
  const lineNumber = (error as { lineNumber?: unknown } | null)?.lineNumber;
  if (typeof lineNumber === 'number') return lineNumber;
  const match = /on line (\d+)/.exec(error instanceof Error ? error.message : String(error));
  return match ? Number(match[1]) : null;
}

/** The parser's message without its excerpt and caret lines (they assume a monospace console). */
export function cleanMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const lines = raw.split('\n');
  if (/^Parse error/.test(lines[0] ?? '')) {
    const expecting = lines.find((l) => l.startsWith('Expecting')) ?? '';
    const got = /got '([^']+)'/.exec(expecting)?.[1];
    const what =
      got === 'INVALID'
        ? 'an invalid or unclosed {{…}} expression'
        : got === 'EOF'
          ? 'an unexpected end of template'
          : `unexpected ${got ?? 'text'}`;
    return `syntax error: ${what}`;
  }
  if (/^Lexical error/.test(raw)) return 'syntax error: unrecognised text inside {{…}}';
  // Compiler messages end with " - line:column"; the line is reported separately.
  const message = raw.replace(/ - \d+:\d+$/, '').trim();
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(message);
  return mismatch ? `{{/${mismatch[2]}}} does not close {{#${mismatch[1]}}}` : message;
}

/**
 * The innermost block still open at the end of the template, found by a scan of the opening
 * and closing tags (comments and raw blocks skipped). The parser itself only reports the end of
 * the file, which is not where the author has to look.
 */
function lastUnclosedBlock(source: string): { line: number; name: string; sigil: string } | null {
  const tag =
    /\{\{!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}|\{\{\{\{[\s\S]*?\}\}\}\}|\{\{~?\s*([#^/])\s*([>*]?)\s*([^\s}~()]+)/g;
  const stack: { line: number; name: string; sigil: string }[] = [];
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const [, kind, modifier, name] = m;
    if (!kind || !name) continue;
    if (kind === '/') {
      const index = stack.map((b) => b.name).lastIndexOf(name);
      if (index >= 0) stack.splice(index);
    } else {
      stack.push({
        line: source.slice(0, m.index).split('\n').length,
        name,
        sigil: `${kind}${modifier}`,
      });
    }
  }
  return stack.at(-1) ?? null;
}
