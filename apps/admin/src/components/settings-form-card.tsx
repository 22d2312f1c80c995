import type { ReactNode } from 'react';
import type { SettingsForm } from '../hooks/use-settings-form';
import { useI18n } from '../i18n';
import { FormActions, FormCard } from './card';
import { SubmitStatus } from './feedback';

interface Props<V> {
  form: SettingsForm<V>;
  /** Test ids `{name}-form`, `{name}-save` and `{name}-status`; the heading's id `{name}-title`. */
  name: string;
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
  title,
  intro,
  className = 'card',
  stickyActions = false,
  showDirty = true,
  children,
}: Props<V>) {
  const { t } = useI18n();
  return (
    <FormCard name={name} title={title} className={className} onSubmit={form.onSubmit}>
      {intro && <p className="muted">{intro}</p>}
      {children}
      <FormActions
        className={stickyActions ? 'form-actions sticky-actions' : 'form-actions'}
        submit={form.submit}
        testId={`${name}-save`}
      >
        {showDirty && form.dirty && <span className="muted">{t.unsavedChanges}</span>}
      </FormActions>
      <SubmitStatus result={form.submit.result} testId={`${name}-status`} />
    </FormCard>
  );
}
