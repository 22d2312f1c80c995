import type { ReactNode } from 'react';
import type { SettingsForm } from '../hooks/use-settings-form';
import { useI18n } from '../i18n';
import { SubmitButton, SubmitStatus } from './feedback';

interface Props<V> {
  form: SettingsForm<V>;
  /** Test ids `{name}-form`, `{name}-save` and `{name}-status`. */
  name: string;
  /** The id of the heading that names the form. */
  titleId: string;
  title: string;
  intro?: string;
  className?: string;
  /** The save button stays in view while a long form scrolls. */
  stickyActions?: boolean;
  /** Says "unsaved changes" while the values differ from the saved ones. */
  showDirty?: boolean;
  children: ReactNode;
}

/** A card that edits sections of the tenant settings: heading, fields, save, outcome. */
export function SettingsFormCard<V>({
  form,
  name,
  titleId,
  title,
  intro,
  className = 'card',
  stickyActions = false,
  showDirty = true,
  children,
}: Props<V>) {
  const { t } = useI18n();
  return (
    <form
      className={className}
      noValidate
      onSubmit={form.onSubmit}
      aria-labelledby={titleId}
      data-testid={`${name}-form`}
    >
      <h2 id={titleId}>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      {children}
      <div className={stickyActions ? 'form-actions sticky-actions' : 'form-actions'}>
        <SubmitButton
          pending={form.submit.pending}
          label={t.save}
          pendingLabel={t.saving}
          testId={`${name}-save`}
        />
        {showDirty && form.dirty && <span className="muted">{t.unsavedChanges}</span>}
      </div>
      <SubmitStatus result={form.submit.result} testId={`${name}-status`} />
    </form>
  );
}
