import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

interface Props {
  name: string;
  clientId: string;
  secret: string;
  onDone: () => void;
}

/**
 * A confidential client's secret, the one time the API returns it (after create and after a
 * rotation): said plainly that it will not be shown again, with a copy button. Takes focus,
 * so a screen reader reads it first.
 */
export function ClientSecretNotice({ name, clientId, secret, onDone }: Props) {
  const { t } = useI18n();
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
      aria-labelledby="secret-title"
      tabIndex={-1}
      ref={region}
      data-testid="client-secret-notice"
    >
      <h3 id="secret-title">{t.secretTitle(name)}</h3>
      <p className="notice notice-warning" data-testid="client-secret-warning">
        {t.secretOnce}
      </p>
      <dl className="secret-values">
        <dt>{t.clientIdLabel}</dt>
        <dd>
          <code className="mono" data-testid="client-secret-client-id">
            {clientId}
          </code>
        </dd>
        <dt>{t.clientSecretLabel}</dt>
        <dd>
          <code className="mono secret-value" data-testid="client-secret-value">
            {secret}
          </code>
        </dd>
      </dl>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void onCopy()}
          data-testid="client-secret-copy"
        >
          {copy === 'copied' ? t.copied : t.copy}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={onDone}
          data-testid="client-secret-done"
        >
          {t.secretDone}
        </button>
      </div>
      <div role="status" className="status-region">
        {copy === 'failed' && <p className="notice notice-error">{t.copyFailed}</p>}
      </div>
    </div>
  );
}
