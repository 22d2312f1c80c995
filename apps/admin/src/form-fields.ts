import type { FieldErrors } from './validation';

/** How a form changes its values: a function of the current ones. */
export type UpdateValues<V> = (update: (values: V) => V) => void;

/**
 * What ties a form's fields to its values: for a key, the field's schema path (`prefix.key`
 * when the values are a section of a larger schema), its error, its value and its setter.
 */
export function bindFields<V extends object>(
  values: V,
  errors: FieldErrors,
  setValues: UpdateValues<V>,
  prefix?: string,
) {
  const pathOf = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const setter =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return {
    /** A text, number or colour field of the key (checked at `path` when the schema names it otherwise). */
    field: <K extends keyof V & string>(key: K, path = pathOf(key)) => ({
      path,
      error: errors[path],
      value: values[key],
      onChange: setter(key),
    }),
    /** A checkbox of the key (a boolean). */
    check: <K extends keyof V & string>(key: K) => ({
      path: pathOf(key),
      checked: values[key],
      onChange: setter(key),
    }),
    set: setter,
  };
}

/** The setter of one section of a form's values, as a form of its own. */
export function sectionOf<V, S extends keyof V>(
  setValues: UpdateValues<V>,
  section: S,
): UpdateValues<V[S]> {
  return (update) => setValues((v) => ({ ...v, [section]: update(v[section]) }));
}
