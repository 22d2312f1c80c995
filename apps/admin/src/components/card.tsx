import type { FormEvent, ReactNode } from 'react';
import type { Submit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { SubmitButton, SubmitStatus } from './feedback';

interface CardProps {
  /** Names the heading `{name}-title` (and the test id, unless given). */
  name: string;
  title: ReactNode;
  /** When the heading's id is not `{name}-title`. */
  titleId?: string;
  testId?: string;
  className?: string;
  /** Buttons beside the heading (a card header). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A section named by its h2; test id `{name}-section` unless given. */
export function Card({
  name,
  title,
  titleId = `${name}-title`,
  testId = `${name}-section`,
  className = 'card',
  actions,
  children,
}: CardProps) {
  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <section className={className} aria-labelledby={titleId} data-testid={testId}>
      {actions ? (
        <div className="card-header">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

/** A pane beside an editor that tries what is being edited; test id `{name}`. */
export function TryCard({ name, title, children }: Pick<CardProps, 'name' | 'title' | 'children'>) {
  return (
    <Card name={name} title={title} testId={name} className="card preview-pane">
      {children}
    </Card>
  );
}

/** A form named by its h2, test id `{name}-form`; the app checks the values itself (no browser validation). */
export function FormCard({
  name,
  title,
  titleId = `${name}-title`,
  testId = `${name}-form`,
  className = 'card',
  onSubmit,
  children,
}: Omit<CardProps, 'actions'> & { onSubmit: (event: FormEvent) => void }) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </form>
  );
}

/** The submit button of a form (« Save » unless told), then any other action given. */
export function FormActions({
  submit,
  label,
  pendingLabel,
  testId,
  disabled,
  className = 'form-actions',
  children,
}: {
  submit: Pick<Submit, 'pending'>;
  label?: string;
  pendingLabel?: string;
  testId: string;
  disabled?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={className}>
      <SubmitButton
        pending={submit.pending}
        label={label ?? t.save}
        pendingLabel={pendingLabel ?? t.saving}
        testId={testId}
        disabled={disabled}
      />
      {children}
    </div>
  );
}

/** The footer of a form that creates something: its button, test ids `{name}-submit` and `{name}-status`. */
export function CreateActions({
  name,
  submit,
  label,
}: {
  name: string;
  submit: Submit;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <FormActions
        submit={submit}
        label={label}
        pendingLabel={t.creating}
        testId={`${name}-submit`}
      />
      <SubmitStatus result={submit.result} testId={`${name}-status`} />
    </>
  );
}
