import { env } from './environment.js';
import { INLINES, isSimple } from './validate.js';

type Node = hbs.AST.Node;

/** The root names a template reads (`{{username}}` → username, `{{#if a.b}}` → a). For the editor and the tests. */
export function variablesOf(source: string): string[] {
  const names = new Set<string>();
  const visit = (node: Node | null | undefined, scoped: boolean): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s, scoped);
        return;
      case 'MustacheStatement':
      case 'SubExpression': {
        const m = node as hbs.AST.MustacheStatement;
        const isCall =
          m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
        const path = m.path as hbs.AST.PathExpression;
        if (!isCall && !(isSimple(path) && INLINES.has(path.original))) visit(path, scoped);
        for (const p of m.params) visit(p, scoped);
        for (const pair of m.hash?.pairs ?? []) visit(pair.value, scoped);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        for (const p of b.params) visit(p, scoped);
        const inner = scoped || b.path.original === 'each' || b.path.original === 'with';
        visit(b.program, inner);
        visit(b.inverse, scoped);
        return;
      }
      case 'PartialStatement': {
        const p = node as hbs.AST.PartialStatement;
        for (const param of p.params) visit(param, scoped);
        for (const pair of p.hash?.pairs ?? []) visit(pair.value, scoped);
        return;
      }
      case 'PathExpression': {
        const path = node as hbs.AST.PathExpression;
        if (path.data) {
          if (path.parts[0] === 'root' && path.parts[1]) names.add(path.parts[1]);
        } else if (!scoped && path.depth === 0 && path.parts[0]) names.add(path.parts[0]);
        return;
      }
      default:
        return;
    }
  };
  visit(env.parse(source), false);
  return [...names];
}
