import { useI18n, type TextKey } from '../i18n';
import { NumberField } from './fields';

/** A number field of a form: the value's key, the field's id, its texts and the API's bounds. */
export interface NumberSpec<K extends string> {
  key: K;
  id: string;
  label: TextKey;
  hint?: TextKey;
  unit?: TextKey;
  min: number;
  max: number;
}

interface Bound {
  path: string;
  error?: string;
  value: number;
  onChange: (value: number) => void;
}

/** The number fields of `specs`, each tied to its value by `field` (see `bindFields`). */
export function NumberFields<K extends string>({
  specs,
  field,
}: {
  specs: readonly NumberSpec<K>[];
  field: (key: K) => Bound;
}) {
  const { t } = useI18n();
  return specs.map((f) => (
    <NumberField
      key={f.key}
      id={f.id}
      label={t[f.label]}
      hint={f.hint && t[f.hint]}
      unit={f.unit && t[f.unit]}
      min={f.min}
      max={f.max}
      {...field(f.key)}
    />
  ));
}
