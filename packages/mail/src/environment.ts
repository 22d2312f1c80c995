import Handlebars from 'handlebars';
import type { Locale } from '@guichet/types';
import { BLOCK_HELPERS, HELPERS, INLINE_HELPERS } from './helpers.js';
import { PARTIALS } from './templates/partials.js';
import type { TemplatePart } from './types.js';

/**
 * The one Handlebars environment of the package. Only whitelisted helpers exist in it: the
 * built-ins `lookup` and `log` are removed, ours are registered once, here.
 */
export const env = Handlebars.create();
env.unregisterHelper('lookup');
env.unregisterHelper('log');
for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);

const knownHelpers = {
  ...Object.fromEntries([...BLOCK_HELPERS, ...INLINE_HELPERS].map((name) => [name, true])),
  lookup: false,
  log: false,
} as CompileOptions['knownHelpers'];

const base: CompileOptions = {
  data: true,
  knownHelpers,
  // A call to anything else is a compile error, and `{{name}}` is always a plain lookup.
  knownHelpersOnly: true,
  // A partial sees only the parameters it is given (and @root).
  explicitPartialContext: true,
  preventIndent: true,
  strict: false,
};

/** HTML is escaped; the subject and the text part are plain text, so nothing is escaped. */
export function compileOptions(part: TemplatePart): CompileOptions {
  return { ...base, noEscape: part !== 'html' };
}

for (const [name, source] of Object.entries(PARTIALS))
  env.registerPartial(name, env.compile(source, compileOptions('html')));

export type Template = HandlebarsTemplateDelegate<Record<string, unknown>>;

/** Runtime options of every render: no access to prototypes, no call to a missing helper. */
export function runtimeOptions(locale: Locale): RuntimeOptions {
  return {
    data: { locale },
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
    allowCallsToHelperMissing: false,
  };
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
type RuntimeOptions = Handlebars.RuntimeOptions;
