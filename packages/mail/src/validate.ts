import { compileOptions, env } from './environment.js';
import { BLOCK_HELPERS, INLINE_HELPERS } from './helpers.js';
import { checkLinkPlacement } from './link-placement.js';
import {
  cleanMessage,
  type Issue,
  lineOf,
  parseIssue,
  TemplateSyntaxError,
} from './parse-issues.js';
import { PARTIAL_NAMES } from './templates/partials.js';
import { TEMPLATE_PARTS, type TemplatePart, type ValidationResult } from './types.js';

type Node = hbs.AST.Node;

/** Longest template source accepted, per part. */
export const MAX_TEMPLATE_LENGTH: Record<TemplatePart, number> = {
  subject: 1_000,
  html: 100_000,
  text: 50_000,
};

const BLOCKS = new Set<string>(BLOCK_HELPERS);
/** Positional arguments each helper takes: Handlebars throws at render time otherwise. */
const ARITY: Record<string, [min: number, max: number]> = {
  if: [1, 1],
  unless: [1, 1],
  each: [1, 1],
  with: [1, 1],
  eq: [2, 2],
  formatDate: [1, 1],
  duration: [1, 1],
  year: [0, 0],
};
export const INLINES = new Set<string>(INLINE_HELPERS);
const PARTIALS = new Set<string>(PARTIAL_NAMES);
/** Data variables: `@root.x` (from inside a partial or a block) and the ones `#each` sets. */
const DATA_VARIABLES = new Set(['root', 'index', 'key', 'first', 'last']);
/** Property names that lead to prototypes and constructors: never a template variable. */
const FORBIDDEN_SEGMENTS = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
]);

export interface CheckOptions {
  /** Variables the template may output unescaped with `{{{name}}}`: only the layout's `body`. */
  rawSlots?: readonly string[];
}

/**
 * Checks a template source: it must parse, and use only whitelisted helpers, the whitelisted
 * partials (HTML only), escaped output (`{{…}}`, never `{{{…}}}` or `{{&…}}`), no decorators,
 * no inline or dynamic partials, no path through a prototype (`constructor`, `__proto__`…),
 * and `{{link}}` only where it cannot reach a third party (see `checkLinkPlacement`).
 */
export function validateTemplate(part: TemplatePart, source: string): ValidationResult {
  const issue = check(part, source);
  return issue ? { ok: false, ...issue } : { ok: true };
}

/** The parsed template, or a `TemplateSyntaxError` with the line of the first problem. */
export function checkTemplate(
  part: TemplatePart,
  source: string,
  options: CheckOptions = {},
): hbs.AST.Program {
  const result = analyse(part, source, options);
  if ('message' in result) throw new TemplateSyntaxError(result.line, result.message);
  return result;
}

function check(part: TemplatePart, source: string, options: CheckOptions = {}): Issue | null {
  const result = analyse(part, source, options);
  return 'message' in result ? result : null;
}

function analyse(
  part: TemplatePart,
  source: string,
  options: CheckOptions,
): hbs.AST.Program | Issue {
  if (!(TEMPLATE_PARTS as readonly string[]).includes(part))
    return { line: null, message: `unknown template part "${String(part)}"` };
  if (typeof source !== 'string') return { line: null, message: 'the template must be a string' };
  if (source.trim() === '')
    return {
      line: null,
      message: 'the template is empty (remove the override to use the default)',
    };
  if (source.length > MAX_TEMPLATE_LENGTH[part])
    return {
      line: null,
      message: `the template is too long (${source.length} characters, at most ${MAX_TEMPLATE_LENGTH[part]})`,
    };

  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source);
  } catch (error) {
    return parseIssue(source, error);
  }

  const issue =
    walk(ast, { part, rawSlots: new Set(options.rawSlots ?? []) }) ?? checkLinkPlacement(part, ast);
  if (issue) return issue;

  try {
    // Forces the whole compilation now (compile() is lazy), so every compiler error shows up here.
    env.precompile(source, compileOptions(part));
  } catch (error) {
    return { line: lineOf(error), message: cleanMessage(error) };
  }
  return ast;
}

interface WalkContext {
  part: TemplatePart;
  rawSlots: Set<string>;
}

function walk(node: Node | undefined | null, ctx: WalkContext): Issue | null {
  if (!node) return null;
  const at = (message: string): Issue => ({ line: node.loc?.start?.line ?? null, message });
  switch (node.type) {
    case 'Program':
      return first((node as hbs.AST.Program).body, ctx);
    case 'ContentStatement':
    case 'CommentStatement':
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
    case 'UndefinedLiteral':
    case 'NullLiteral':
      return null;
    case 'MustacheStatement': {
      const m = node as hbs.AST.MustacheStatement;
      if (m.path.type !== 'PathExpression')
        return at(
          `{{${String((m.path as hbs.AST.StringLiteral).original)}}} is not a variable name`,
        );
      const path = m.path as hbs.AST.PathExpression;
      if (!m.escaped && !(isSimple(path) && ctx.rawSlots.has(path.original)))
        return at(
          `unescaped output ({{{${path.original}}}} or {{& ${path.original}}}) is not allowed: use {{${path.original}}}`,
        );
      const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
      if (isSimple(path) && BLOCKS.has(path.original))
        return at(
          `"${path.original}" is a block helper: use {{#${path.original} …}}…{{/${path.original}}}`,
        );
      if (isCall && !(isSimple(path) && INLINES.has(path.original)))
        return at(unknownHelper(path.original));
      if (isSimple(path) && INLINES.has(path.original))
        return arity(path.original, m.params, at) ?? first(m.params, ctx) ?? walk(m.hash, ctx);
      return walk(path, ctx) ?? first(m.params, ctx) ?? walk(m.hash, ctx);
    }
    case 'SubExpression': {
      const s = node as hbs.AST.SubExpression;
      if (s.path.type !== 'PathExpression' || !isSimple(s.path) || !INLINES.has(s.path.original))
        return at(
          unknownHelper(
            s.path.type === 'PathExpression'
              ? s.path.original
              : String((s.path as unknown as hbs.AST.StringLiteral).original),
          ),
        );
      return arity(s.path.original, s.params, at) ?? first(s.params, ctx) ?? walk(s.hash, ctx);
    }
    case 'BlockStatement': {
      const b = node as hbs.AST.BlockStatement;
      if (b.path.type !== 'PathExpression' || !isSimple(b.path) || !BLOCKS.has(b.path.original))
        return at(
          `unknown block helper "#${String(b.path.original)}" (allowed: ${[...BLOCKS].map((h) => `#${h}`).join(', ')})`,
        );
      return (
        arity(b.path.original, b.params, at) ??
        first(b.params, ctx) ??
        walk(b.hash, ctx) ??
        walk(b.program, ctx) ??
        walk(b.inverse, ctx)
      );
    }
    case 'PartialStatement': {
      const p = node as hbs.AST.PartialStatement;
      const name = partialName(p.name as Node);
      if (name === null) return at('dynamic partials are not allowed');
      if (ctx.part !== 'html')
        return at(`partials are not allowed in the ${ctx.part} (found {{> ${name}}})`);
      if (!PARTIALS.has(name))
        return at(`unknown partial "${name}" (allowed: ${[...PARTIALS].join(', ')})`);
      return first(p.params, ctx) ?? walk(p.hash, ctx);
    }
    case 'PartialBlockStatement':
      return at('partial blocks ({{#> …}}) are not allowed');
    case 'DecoratorBlock':
    case 'Decorator':
      return at('decorators and inline partials ({{* …}}, {{#* …}}) are not allowed');
    case 'PathExpression': {
      const path = node as hbs.AST.PathExpression;
      if (path.data && !DATA_VARIABLES.has(path.parts[0] ?? ''))
        return at(
          `unknown data variable "${path.original}" (allowed: ${[...DATA_VARIABLES].map((d) => `@${d}`).join(', ')})`,
        );
      const bad = path.parts.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
      if (bad !== undefined)
        return at(`"${path.original}" is not allowed ("${bad}" is not a template variable)`);
      return null;
    }
    case 'Hash':
      return first(
        (node as hbs.AST.Hash).pairs.map((pair) => pair.value),
        ctx,
      );
    default:
      return at(`unsupported template construct (${node.type})`);
  }
}

function arity(
  helper: string,
  params: readonly Node[],
  at: (message: string) => Issue,
): Issue | null {
  const [min, max] = ARITY[helper] ?? [0, Infinity];
  if (params.length >= min && params.length <= max) return null;
  const expected = min === max ? `${min}` : `${min} to ${max}`;
  return at(`"${helper}" takes ${expected} argument${max === 1 ? '' : 's'}, not ${params.length}`);
}

function first(nodes: readonly Node[] | undefined, ctx: WalkContext): Issue | null {
  for (const node of nodes ?? []) {
    const issue = walk(node, ctx);
    if (issue) return issue;
  }
  return null;
}

/** A plain name: `foo`, not `foo.bar`, `../foo`, `this.foo` or `@foo`. */
export function isSimple(path: hbs.AST.PathExpression): boolean {
  return (
    !path.data && path.depth === 0 && path.parts.length === 1 && path.original === path.parts[0]
  );
}

function partialName(name: Node): string | null {
  if (name.type === 'PathExpression') return (name as hbs.AST.PathExpression).original;
  if (name.type === 'StringLiteral') return (name as hbs.AST.StringLiteral).value;
  return null;
}

const unknownHelper = (name: string): string =>
  `unknown helper "${name}" (allowed: ${[...INLINES].join(', ')}, and the blocks ${[...BLOCKS].map((h) => `#${h}`).join(', ')})`;
