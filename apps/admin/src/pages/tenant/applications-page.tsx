import { useState } from 'react';
import type { OidcClientCreated, OidcClientView } from '@guichet/types';
import { ClientSecretNotice } from '../../components/client-secret-notice';
import { DataTable, RowButton } from '../../components/data-table';
import { Loadable, SubmitStatus } from '../../components/feedback';
import { OidcClientForm } from '../../components/oidc-client-form';
import { formatDateTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { Card } from '../../components/card';

/**
 * The tenant's OpenID Connect clients: their last use, registration, changes, a new secret
 * (shown once), deletion after a confirmation.
 */
export function ApplicationsPage() {
  const { t } = useI18n();
  const { api, tenant } = useTenantScope();
  const clients = useAsync((signal) => api.oidcClients(tenant.id, signal), [api, tenant.id]);
  const action = useSubmit();
  const [editing, setEditing] = useState<string | null>(null);
  const [secret, setSecret] = useState<OidcClientCreated | null>(null);

  const showSecret = (created: OidcClientCreated) => {
    if (created.clientSecret) setSecret(created);
    clients.reload();
  };
  const rotate = async (c: OidcClientView) => {
    if (!window.confirm(t.confirmRotateSecret(c.name))) return;
    const result = await action.run(
      () => api.rotateOidcClientSecret(tenant.id, c.clientId),
      'secretRotated',
    );
    if (result.ok) showSecret(result.value);
  };
  const remove = async (c: OidcClientView) => {
    if (!window.confirm(t.confirmDeleteClient(c.name))) return;
    const result = await action.run(
      () => api.deleteOidcClient(tenant.id, c.clientId),
      'clientDeleted',
    );
    if (result.ok) {
      if (secret?.clientId === c.clientId) setSecret(null);
      clients.reload();
    }
  };

  return (
    <div className="stack">
      <Card name="applications" title={t.applicationsTitle}>
        <p className="lead">{t.applicationsIntro}</p>
        <SubmitStatus result={action.result} testId="application-action-status" />
        {secret?.clientSecret && (
          <ClientSecretNotice
            name={secret.name}
            clientId={secret.clientId}
            secret={secret.clientSecret}
            onDone={() => setSecret(null)}
          />
        )}
        <Loadable state={clients.state} onRetry={clients.reload}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted" data-testid="applications-empty">
                {t.noApplications}
              </p>
            ) : (
              <DataTable
                labelledBy="applications-title"
                testId="applications-table"
                columns={[
                  t.clientNameLabel,
                  t.clientTypeColumn,
                  t.redirectUrisColumn,
                  t.lastUseColumn,
                  t.actions,
                ]}
              >
                {list.map((c) => (
                  <tr
                    key={c.clientId}
                    data-testid="application-row"
                    data-client-id={c.clientId}
                    data-name={c.name}
                  >
                    <th scope="row" className="cell-name">
                      {c.name}
                      <span className="cell-sub mono" data-testid="application-client-id">
                        {c.clientId}
                      </span>
                      {editing === c.clientId && (
                        <OidcClientForm
                          client={c}
                          idPrefix={`edit-client-${c.clientId}`}
                          save={(body) => api.updateOidcClient(tenant.id, c.clientId, body)}
                          okKey="clientUpdated"
                          onSaved={() => {
                            setEditing(null);
                            action.succeed('clientUpdated');
                            clients.reload();
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      )}
                    </th>
                    <td data-label={t.clientTypeColumn}>
                      {c.public ? t.clientPublic : t.clientConfidential}
                      {c.firstParty && <span className="cell-sub">{t.clientFirstParty}</span>}
                    </td>
                    <td data-label={t.redirectUrisColumn} className="cell-url">
                      {c.redirectUris.map((u) => (
                        <span key={u} className="cell-sub mono">
                          {u}
                        </span>
                      ))}
                    </td>
                    <td data-label={t.lastUseColumn} data-testid="application-last-use">
                      {c.lastUsedAt ? (
                        <time dateTime={c.lastUsedAt}>
                          {formatDateTime(c.lastUsedAt, t.intlLocale)}
                        </time>
                      ) : (
                        <span className="muted">{t.never}</span>
                      )}
                    </td>
                    <td data-label={t.actions}>
                      <div className="row-actions">
                        <RowButton
                          label={t.edit}
                          subject={c.name}
                          onClick={() => setEditing(editing === c.clientId ? null : c.clientId)}
                          expanded={editing === c.clientId}
                          testId="application-edit"
                        />
                        {!c.public && (
                          <RowButton
                            label={t.rotateSecret}
                            subject={c.name}
                            onClick={() => void rotate(c)}
                            disabled={action.pending}
                            testId="application-rotate"
                          />
                        )}
                        <RowButton
                          label={t.deleteClient}
                          subject={c.name}
                          onClick={() => void remove(c)}
                          disabled={action.pending}
                          testId="application-delete"
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )
          }
        </Loadable>
      </Card>
      <OidcClientForm
        idPrefix="create-client"
        save={(body) => api.createOidcClient(tenant.id, body as never)}
        okKey="clientCreated"
        onSaved={(created) => showSecret(created as OidcClientCreated)}
      />
    </div>
  );
}
