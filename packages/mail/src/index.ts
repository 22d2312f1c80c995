export {
  render,
  defaultTemplate,
  resolveLocale,
  templateCacheStats,
  clearTemplateCache,
  TemplateError,
} from './render.js';
export { validateTemplate, MAX_TEMPLATE_LENGTH } from './validate.js';
export { variablesOf } from './variables-of.js';
export {
  TEMPLATE_VARIABLES,
  COMMON_VARIABLES,
  TEMPLATE_HELPERS,
  TEMPLATE_PARTIALS,
} from './variables.js';
export { samplePayload } from './sample.js';
export { TIME_ZONE } from './helpers.js';
export {
  TEMPLATE_PARTS,
  type TemplatePart,
  type TemplateSet,
  type TemplateOverrides,
  type RenderRequest,
  type RenderedEmail,
  type ValidationResult,
} from './types.js';
