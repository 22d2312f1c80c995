import type {
  InputHTMLAttributes,
  ReactNode,
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

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
};

export function TextField({
  id,
  label,
  hint,
  error,
  path,
  className,
  value,
  onChange,
  ...rest
}: FieldBase & TextInputProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        type="text"
        {...rest}
        value={value}
        {...controlProps(id, path, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
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
export function NumberField({
  id,
  label,
  hint,
  error,
  path,
  className,
  value,
  onChange,
  unit,
  ...rest
}: FieldBase & NumberInputProps) {
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      className={`field-number${className ? ` ${className}` : ''}`}
    >
      <span className="input-with-unit">
        <input
          type="number"
          inputMode="numeric"
          step={1}
          {...rest}
          value={Number.isNaN(value) ? '' : String(value)}
          {...controlProps(id, path, hint, error)}
          onChange={(e) =>
            onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value))
          }
        />
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

export function TextAreaField({
  id,
  label,
  hint,
  error,
  path,
  className,
  value,
  onChange,
  ...rest
}: FieldBase & TextAreaProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        {...rest}
        value={value}
        {...controlProps(id, path, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
};

export function SelectField({
  id,
  label,
  hint,
  error,
  path,
  className,
  value,
  onChange,
  options,
  ...rest
}: FieldBase & SelectProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <select
        {...rest}
        value={value}
        {...controlProps(id, path, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
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
