import { randomBytes } from 'node:crypto';
import { OidcClientsRepository, type NewOidcClient, type TenantId } from '@guichet/db';
import { hashToken, newToken } from '@guichet/platform';

export type {
  NewOidcClient,
  OidcClientAdminRow,
  OidcClientChanges,
  OidcClientRecord,
} from '@guichet/db';

/**
 * The relying parties of each tenant (the repository of packages/db), with what makes a
 * client's id and secret: random, the secret returned once and stored hashed.
 */
export class OidcClientStore extends OidcClientsRepository {
  /** Creates a client; the secret (confidential clients) is returned this once and stored hashed. */
  async create(
    tenantId: TenantId,
    input: NewOidcClient,
  ): Promise<{ clientId: string; clientSecret?: string }> {
    const clientId = randomBytes(16).toString('base64url');
    const clientSecret = input.public ? undefined : newToken();
    await this.insert(tenantId, {
      ...input,
      clientId,
      secretHash: clientSecret ? hashToken(clientSecret) : null,
    });
    return clientSecret ? { clientId, clientSecret } : { clientId };
  }

  /** A new secret for a confidential client (the old one stops working now); null for a public client. */
  async rotateSecret(tenantId: TenantId, clientId: string): Promise<string | null> {
    const secret = newToken();
    return (await this.replaceSecret(tenantId, clientId, hashToken(secret))) ? secret : null;
  }
}
