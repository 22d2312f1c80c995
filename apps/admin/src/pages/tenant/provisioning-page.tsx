import { type FormEvent, useState } from 'react';
import type { ScimTokenCreated, ScimTokenView } from '@guichet/types';
import { SecretNotice, type SecretNoticeLabels } from '../../components/client-secret-notice';
import { DataTable, RowButton } from '../../components/data-table';
import { Loadable, SubmitStatus } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n } from '../../i18n';
import { useProvisioningTexts } from '../../messages/provisioning';
import { useTenantScope } from '../../tenant-context';

/** A new token, the one time the API returns it, with the SCIM URL to paste into Entra ID. */
function TokenNotice({ created, onDone }: { created: ScimTokenCreated; onDone: () => void }) {
  const p = useProvisioningTexts();
  const labels: SecretNoticeLabels = {
    testId: 'scim-token',
    titleId: 'scim-token-title',
    title: p.tokenTitle(created.name),
    warning: p.tokenOnce,
    idLabel: p.scimUrlLabel,
    idValue: created.scimUrl,
    idTestId: 'scim-token-url',
    secretLabel: p.tokenLabel,
    copy: p.copy,
    copied: p.copied,
    copyFailed: p.copyFailed,
    done: p.done,
  };
  return <SecretNotice labels={labels} secret={created.token} onDone={onDone} />;
}

/** The tenant's SCIM tokens: the URL to give Entra ID, create (shown once), list with last use, revoke after a confirmation. */
export function ProvisioningPage() {
  const { t } = useI18n();
  const p = useProvisioningTexts();
  const { api, tenant } = useTenantScope();
  const tokens = useAsync((signal) => api.scimTokens(tenant.id, signal), [api, tenant.id]);
  const action = useSubmit();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ScimTokenCreated | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const result = await action.run(() => api.createScimToken(tenant.id, { name }));
    if (result.ok) {
      action.clear();
      setCreated(result.value);
      setName('');
      tokens.reload();
    }
  };
  const revoke = async (token: ScimTokenView) => {
    if (!window.confirm(p.confirmRevoke(token.name))) return;
    setNotice(null);
    const result = await action.run(() => api.revokeScimToken(tenant.id, token.id));
    if (result.ok) {
      action.clear();
      setNotice(p.revoked(token.name));
      if (created?.id === token.id) setCreated(null);
      tokens.reload();
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="scim-title" data-testid="provisioning-section">
        <h2 id="scim-title">{p.title}</h2>
        <p className="lead">{p.intro}</p>
        <Loadable state={tokens.state} onRetry={tokens.reload}>
          {(list) => (
            <p>
              {p.scimUrlLabel} :{' '}
              <code className="mono" data-testid="scim-url">
                {list.scimUrl}
              </code>
            </p>
          )}
        </Loadable>
        {created && <TokenNotice created={created} onDone={() => setCreated(null)} />}
        <form onSubmit={(e) => void create(e)} className="form" aria-labelledby="scim-create-title">
          <h3 id="scim-create-title">{p.createTitle}</h3>
          <div className="field">
            <label htmlFor="scim-token-name">{p.nameLabel}</label>
            <input
              id="scim-token-name"
              value={name}
              maxLength={200}
              required
              aria-describedby="scim-token-name-hint"
              onChange={(e) => setName(e.target.value)}
            />
            <p className="hint" id="scim-token-name-hint">
              {p.nameHint}
            </p>
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button"
              disabled={action.pending || !name.trim()}
              data-testid="scim-token-create"
            >
              {p.create}
            </button>
          </div>
        </form>
        <SubmitStatus result={action.result} testId="scim-action-status" />
        <div role="status" className="status-region">
          {notice && (
            <p className="notice notice-success" data-testid="scim-notice">
              {notice}
            </p>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="scim-list-title">
        <h2 id="scim-list-title">{p.listTitle}</h2>
        <Loadable state={tokens.state} onRetry={tokens.reload}>
          {({ tokens: list }) =>
            list.length === 0 ? (
              <p className="muted" data-testid="scim-tokens-empty">
                {p.none}
              </p>
            ) : (
              <DataTable
                labelledBy="scim-list-title"
                testId="scim-tokens-table"
                columns={[p.nameColumn, p.createdColumn, p.lastUseColumn, p.stateColumn, p.actions]}
              >
                {list.map((token) => (
                  <tr
                    key={token.id}
                    data-testid="scim-token-row"
                    data-token-id={token.id}
                    data-name={token.name}
                  >
                    <th scope="row" className="cell-name">
                      {token.name}
                    </th>
                    <td data-label={p.createdColumn}>
                      <time dateTime={token.createdAt}>
                        {formatDateTime(token.createdAt, t.intlLocale)}
                      </time>
                    </td>
                    <td data-label={p.lastUseColumn} data-testid="scim-token-last-use">
                      {token.lastUsedAt ? (
                        <time dateTime={token.lastUsedAt}>
                          {formatDateTime(token.lastUsedAt, t.intlLocale)}
                        </time>
                      ) : (
                        <span className="muted">{p.never}</span>
                      )}
                    </td>
                    <td data-label={p.stateColumn} data-testid="scim-token-state">
                      {token.revokedAt
                        ? p.revokedAt(formatDateTime(token.revokedAt, t.intlLocale))
                        : p.live}
                    </td>
                    <td data-label={p.actions}>
                      {!token.revokedAt && (
                        <RowButton
                          label={p.revoke}
                          subject={token.name}
                          onClick={() => void revoke(token)}
                          disabled={action.pending}
                          testId="scim-token-revoke"
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )
          }
        </Loadable>
      </section>
    </div>
  );
}
