import type { z } from 'zod';
import type { Messages } from './i18n';

/** Field path → message, the path joined with dots (`texts.fr.welcomeTitle`, `allowedNetworks.3`). */
export type FieldErrors = Record<string, string>;

/** Messages a form gives for a path where the generic one says too little (a colour, a CIDR…). */
export type Overrides = Record<string, string | ((path: (string | number)[]) => string)>;

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Finds the override for a path: exact, then with array indexes as `*` (`allowedNetworks.*`). */
function override(path: (string | number)[], overrides: Overrides): string | null {
  const exact = overrides[pathKey(path)];
  const wildcard = overrides[path.map((p) => (typeof p === 'number' ? '*' : p)).join('.')];
  const found = exact ?? wildcard;
  if (found === undefined) return null;
  return typeof found === 'function' ? found(path) : found;
}

/** A zod issue as a sentence of the catalog (the schemas' own messages are English, for API clients). */
export function issueMessage(
  issue: z.core.$ZodIssue,
  t: Messages,
  overrides: Overrides = {},
): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t.valueRequired : t.tooShort(min);
      if (issue.origin === 'array') return t.atLeastItems(min);
      return t.minValue(min);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t.tooLong(max);
      if (issue.origin === 'array') return t.atMostItems(max);
      return t.maxValue(max);
    }
    case 'invalid_type':
      if (issue.expected === 'number') return t.numberRequired;
      return override(path, overrides) ?? t.valueInvalid;
    case 'invalid_format':
      if (issue.format === 'email') return t.emailFieldInvalid;
      return override(path, overrides) ?? t.valueInvalid;
    default:
      return override(path, overrides) ?? t.valueInvalid;
  }
}

/**
 * Every issue of a failed parse, the first per path. `overrides` are keyed by paths of the
 * schema parsed; the result by `prefix` + path (the path in the settings, the field's `data-field`).
 */
export function zodFieldErrors(
  error: z.ZodError,
  t: Messages,
  overrides: Overrides = {},
  prefix: (string | number)[] = [],
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = pathKey([...prefix, ...issue.path]);
    if (!(key in out)) out[key] = issueMessage(issue, t, overrides);
  }
  return out;
}

/** Moves keyboard focus to the first field flagged (fields carry `data-field` = the path). */
export function focusFirstError(errors: FieldErrors, root: ParentNode = document): void {
  const first = Object.keys(errors)[0];
  if (first === undefined) return;
  requestAnimationFrame(() => {
    const el =
      root.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`) ??
      root.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

/**
 * A form's check before it is sent: on failure its errors are shown (the first field focused)
 * and null returned; on success the errors are cleared and the parsed data returned.
 */
export function checkedOrShown<T>(
  parsed: { success: true; data: T } | { success: false; error: z.ZodError },
  setErrors: (errors: FieldErrors) => void,
  t: Messages,
  overrides: Overrides = {},
  prefix: (string | number)[] = [],
): T | null {
  if (!parsed.success) {
    const found = zodFieldErrors(parsed.error, t, overrides, prefix);
    setErrors(found);
    focusFirstError(found);
    return null;
  }
  setErrors({});
  return parsed.data;
}
