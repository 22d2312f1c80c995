import { useEffect, useState, type FormEvent } from 'react';
import {
  totpCodeSchema,
  type AdminView,
  type TotpEnabledResponse,
  type TotpSetupResponse,
} from '@guichet/types';
import type { ApiClient } from '../api';
import { ActionButton, SubmitButton, SubmitStatus } from '../components/feedback';
import { TextField } from '../components/fields';
import { PageHeading } from '../components/page-heading';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';

interface Props {
  api: ApiClient;
  admin: AdminView;
  onAdminChanged: (admin: AdminView) => void;
  onSessionRenewed: (response: TotpEnabledResponse) => void;
}

/** The signed-in admin: identity and the second factor (TOTP) on or off. */
export function MyAccountPage({ api, admin, onAdminChanged, onSessionRenewed }: Props) {
  const { t } = useI18n();
  return (
    <section className="page stack" aria-labelledby="account-title">
      <PageHeading id="account-title">{t.myAccountTitle}</PageHeading>
      <div className="card">
        <dl className="summary-list">
          <dt>{t.emailLabel}</dt>
          <dd>{admin.email}</dd>
          <dt>{t.roleColumn}</dt>
          <dd>{t.roleLabel(admin.role)}</dd>
        </dl>
      </div>
      <section className="card" aria-labelledby="totp-title" data-testid="totp-card">
        <h2 id="totp-title">{t.totpTitle}</h2>
        <p className="notice notice-info" role="status" data-testid="totp-state">
          {admin.totpEnabled ? t.totpIsOn : t.totpIsOff}
        </p>
        {admin.totpEnabled ? (
          <DisableTotp api={api} onChanged={onAdminChanged} />
        ) : (
          <EnableTotp api={api} onEnabled={onSessionRenewed} />
        )}
      </section>
    </section>
  );
}

/**
 * The 6-digit code box of a second-factor form, checked with the API's schema before
 * `send` gets it (a wrong one is flagged and focused).
 */
function useTotpCode(id: string, send: (code: string) => Promise<void>) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = totpCodeSchema.safeParse(code);
    if (!parsed.success) {
      setError(t.totpCodeInvalid);
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    await send(parsed.data);
  };
  const fieldProps = {
    id,
    className: 'field-short',
    label: t.totpCodeLabel,
    error,
    value: code,
    onChange: setCode,
    inputMode: 'numeric',
    autoComplete: 'one-time-code',
    maxLength: 6,
  } as const;
  return { onSubmit, fieldProps };
}

function EnableTotp({
  api,
  onEnabled,
}: {
  api: ApiClient;
  onEnabled: (response: TotpEnabledResponse) => void;
}) {
  const { t } = useI18n();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const start = useSubmit();
  const confirm = useSubmit();

  useEffect(() => {
    if (!setup) return;
    let live = true;
    // Loaded on demand: only this step draws a QR code.
    import('qrcode')
      .then((QRCode) =>
        QRCode.toString(setup.otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      )
      .then(
        (svg) => live && setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
        () => live && setQr(null),
      );
    return () => {
      live = false;
    };
  }, [setup]);

  const begin = async () => {
    const result = await start.run(() => api.totpSetup(), 'totpScan');
    if (result.ok) setSetup(result.value);
  };

  const code = useTotpCode('totp-enable-code', async (value) => {
    const result = await confirm.run(() => api.totpEnable(value), 'totpEnabled');
    if (result.ok) onEnabled(result.value);
  });

  if (!setup) {
    return (
      <>
        <p>{t.totpIntro}</p>
        <ActionButton
          label={t.totpStart}
          onClick={begin}
          busy={start.pending}
          testId="totp-setup"
          className="button button-primary"
        />
        <SubmitStatus result={start.result} />
      </>
    );
  }
  return (
    <div className="totp-setup" data-testid="totp-setup-panel">
      <ol className="steps">
        <li>
          <p>{t.totpStepScan}</p>
          {qr && (
            <img
              className="qr"
              src={qr}
              width={200}
              height={200}
              alt={t.totpQrAlt}
              data-testid="totp-qr"
            />
          )}
          <p className="field-hint">{t.totpManual}</p>
          <p>
            <code className="secret" data-testid="totp-secret">
              {setup.secret}
            </code>
          </p>
          <details>
            <summary>{t.totpShowUrl}</summary>
            <code className="secret" data-testid="totp-url">
              {setup.otpauthUrl}
            </code>
          </details>
        </li>
        <li>
          <form noValidate onSubmit={(e) => void code.onSubmit(e)} className="inline-form">
            <TextField {...code.fieldProps} hint={t.totpStepConfirm} pattern="[0-9]{6}" />
            <SubmitButton pending={confirm.pending} label={t.totpEnable} testId="totp-enable" />
          </form>
        </li>
      </ol>
      <SubmitStatus result={confirm.result} testId="totp-status" />
    </div>
  );
}

function DisableTotp({
  api,
  onChanged,
}: {
  api: ApiClient;
  onChanged: (admin: AdminView) => void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const code = useTotpCode('totp-disable-code', async (value) => {
    const result = await submit.run(() => api.totpDisable(value), 'totpDisabled');
    if (result.ok) onChanged(result.value);
  });
  return (
    <form noValidate onSubmit={(e) => void code.onSubmit(e)} className="inline-form">
      <TextField {...code.fieldProps} hint={t.totpDisableHint} />
      <SubmitButton
        pending={submit.pending}
        label={t.totpDisable}
        className="button button-secondary"
        testId="totp-disable"
      />
      <SubmitStatus result={submit.result} testId="totp-status" />
    </form>
  );
}
