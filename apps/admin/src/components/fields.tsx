import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

interface FieldBase {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The schema path this field edits (`data-field`), so a failed check can focus it. */
  path?: string;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every labelled control of a field carries: its id and name, its schema path, and its hint and error. */
function controlProps(id: string, path: string | undefined, hint: unknown, error: unknown) {
  return {
    id,
    name: id,
    'data-field': path,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
}

function FieldShell({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FieldBase & { children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A field's props split in two: its shell (label, hint, error) and its control (the rest). */
function fieldParts<P extends FieldBase & { onChange: (value: string) => void }>(props: P) {
  const { id, label, hint, error, path, className, onChange, ...rest } = props;
  return {
    shell: { id, label, hint, error, className },
    control: {
      ...rest,
      ...controlProps(id, path, hint, error),
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    },
  };
}

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
  /** The input itself (to focus or select it). */
  ref?: Ref<HTMLInputElement>;
};

export function TextField(props: FieldBase & TextInputProps) {
  const { shell, control } = fieldParts(props);
  return (
    <FieldShell {...shell}>
      <input type="text" {...control} />
    </FieldShell>
  );
}

/** For a value that is no prose and that the browser should not fill in: an address, a code, a search. */
export const NO_ASSIST = { autoComplete: 'off', spellCheck: false } as const;

/** A search box of a list's filters (no autocomplete, no spell check). */
export function SearchField(props: FieldBase & Omit<TextInputProps, 'type'>) {
  return <TextField type="search" {...NO_ASSIST} {...props} />;
}

/** An address: a URL keyboard, no spell check. */
export function UrlField(props: FieldBase & Omit<TextInputProps, 'type'>) {
  return <TextField inputMode="url" spellCheck={false} {...props} />;
}

type NumberInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'onChange' | 'value' | 'type'
> & {
  value: number;
  onChange: (value: number) => void;
  unit?: string;
};

/** A whole number; an empty box is NaN, which the schema reports as missing. */
export function NumberField({ value, onChange, unit, ...rest }: FieldBase & NumberInputProps) {
  const { shell, control } = fieldParts({
    ...rest,
    value: Number.isNaN(value) ? '' : String(value),
    onChange: (raw: string) => onChange(raw.trim() === '' ? Number.NaN : Number(raw)),
  });
  return (
    <FieldShell
      {...shell}
      className={`field-number${shell.className ? ` ${shell.className}` : ''}`}
    >
      <span className="input-with-unit">
        <input type="number" inputMode="numeric" step={1} {...control} />
        {unit && <span className="unit">{unit}</span>}
      </span>
    </FieldShell>
  );
}

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'onChange' | 'value'
> & {
  value: string;
  onChange: (value: string) => void;
};

export function TextAreaField(props: FieldBase & TextAreaProps) {
  const { shell, control } = fieldParts(props);
  return (
    <FieldShell {...shell}>
      <textarea {...control} />
    </FieldShell>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
};

export function SelectField({ options, ...props }: FieldBase & SelectProps) {
  const { shell, control } = fieldParts(props);
  return (
    <FieldShell {...shell}>
      <select {...control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A filter of a list: "all" (empty) first, then each value with its label. */
export function FilterSelect<V extends string>({
  allLabel,
  values,
  labels,
  ...props
}: FieldBase &
  Omit<SelectProps, 'options'> & {
    allLabel: string;
    values: readonly V[];
    labels: Record<V, string>;
  }) {
  return (
    <SelectField
      {...props}
      options={[
        { value: '', label: allLabel },
        ...values.map((v) => ({ value: v, label: labels[v] })),
      ]}
    />
  );
}

interface CheckboxProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  path?: string;
  disabled?: boolean;
}

export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChange,
  path,
  disabled,
}: CheckboxProps) {
  return (
    <div className="check">
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-field={path}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

interface ColorProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  pickerLabel: string;
}

/** A colour as #RRGGBB: a text box (typed, pasted) and the browser's picker side by side. */
export function ColorField({
  id,
  label,
  hint,
  error,
  path,
  value,
  onChange,
  pickerLabel,
}: ColorProps) {
  const valid = /^#[0-9a-fA-F]{6}$/.test(value);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className="field-color">
      <span className="color-input">
        <input
          type="color"
          aria-label={pickerLabel}
          value={valid ? value.toLowerCase() : '#000000'}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`${id}-picker`}
        />
        <input
          type="text"
          value={value}
          maxLength={7}
          spellCheck={false}
          autoCapitalize="none"
          {...controlProps(id, path, hint, error)}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      </span>
    </FieldShell>
  );
}
