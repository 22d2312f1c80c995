import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

/** The words and test ids of one kind of secret (a client secret, a SCIM token). */
export interface SecretNoticeLabels {
  /** `{testId}-notice`, `-warning`, `-value`, `-copy`, `-done` name its parts for tests. */
  testId: string;
  titleId: string;
  title: string;
  warning: string;
  /** What goes with the secret (the client id, the SCIM URL): its label, value and test id. */
  idLabel: string;
  idValue: string;
  idTestId: string;
  secretLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

/**
 * A secret, the one time the API returns it: said plainly that it will not be shown again,
 * with a copy button. Takes focus, so a screen reader reads it first.
 */
export function SecretNotice({
  labels: l,
  secret,
  onDone,
}: {
  labels: SecretNoticeLabels;
  secret: string;
  onDone: () => void;
}) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), [secret]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <div
      className="card secret-notice"
      role="region"
      aria-labelledby={l.titleId}
      tabIndex={-1}
      ref={region}
      data-testid={`${l.testId}-notice`}
    >
      <h3 id={l.titleId}>{l.title}</h3>
      <p className="notice notice-warning" data-testid={`${l.testId}-warning`}>
        {l.warning}
      </p>
      <dl className="secret-values">
        <dt>{l.idLabel}</dt>
        <dd>
          <code className="mono" data-testid={l.idTestId}>
            {l.idValue}
          </code>
        </dd>
        <dt>{l.secretLabel}</dt>
        <dd>
          <code className="mono secret-value" data-testid={`${l.testId}-value`}>
            {secret}
          </code>
        </dd>
      </dl>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void onCopy()}
          data-testid={`${l.testId}-copy`}
        >
          {copy === 'copied' ? l.copied : l.copy}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={onDone}
          data-testid={`${l.testId}-done`}
        >
          {l.done}
        </button>
      </div>
      <div role="status" className="status-region">
        {copy === 'failed' && <p className="notice notice-error">{l.copyFailed}</p>}
      </div>
    </div>
  );
}

interface Props {
  name: string;
  clientId: string;
  secret: string;
  onDone: () => void;
}

/** A confidential client's secret, after create and after a rotation. */
export function ClientSecretNotice({ name, clientId, secret, onDone }: Props) {
  const { t } = useI18n();
  const labels: SecretNoticeLabels = {
    testId: 'client-secret',
    titleId: 'secret-title',
    title: t.secretTitle(name),
    warning: t.secretOnce,
    idLabel: t.clientIdLabel,
    idValue: clientId,
    idTestId: 'client-secret-client-id',
    secretLabel: t.clientSecretLabel,
    copy: t.copy,
    copied: t.copied,
    copyFailed: t.copyFailed,
    done: t.secretDone,
  };
  return <SecretNotice labels={labels} secret={secret} onDone={onDone} />;
}
