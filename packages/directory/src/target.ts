import { isIP } from 'node:net';
import {
  normalizeSmtpHost,
  type Resolver,
  type SmtpAllowList,
  SmtpTargetPolicy,
  SmtpTargetRefused,
  systemResolver,
} from '@guichet/platform';

/** LDAP, LDAPS and AD's global catalog; an operator-listed host may use any port. */
export const LDAP_PORTS: readonly number[] = [389, 636, 3268, 3269];

export interface LdapTarget {
  secure: boolean;
  host: string;
  port: number;
}

export function parseLdapUrl(url: string): LdapTarget {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'ldaps:';
  return {
    secure,
    host: normalizeSmtpHost(parsed.hostname),
    port: parsed.port ? Number(parsed.port) : secure ? 636 : 389,
  };
}

/**
 * Where a tenant's directory may be: the rules of a tenant's SMTP server (no loopback,
 * private, link-local or metadata address, checked again at every connection against DNS
 * rebinding) with the LDAP ports, unless the operator listed the host in
 * DIRECTORY_ALLOWED_HOSTS (a domain controller on the institution's network).
 */
export class DirectoryTargetPolicy {
  private readonly policy: SmtpTargetPolicy;

  constructor(
    private readonly allowList: SmtpAllowList,
    resolver: Resolver = systemResolver,
  ) {
    this.policy = new SmtpTargetPolicy(allowList, resolver);
  }

  /** Why this URL may not be used, or null (a name that does not resolve now is accepted at save time). */
  async refusal(url: string): Promise<string | null> {
    try {
      await this.check(url);
      return null;
    } catch (error) {
      if (error instanceof SmtpTargetRefused) return error.reason;
      return null;
    }
  }

  /** Throws SmtpTargetRefused (its `reason` for the admin) when the URL is refused. */
  async check(url: string): Promise<void> {
    const { host, port } = parseLdapUrl(url);
    const addresses = await this.policy.addresses(host);
    const listed =
      this.allowList.allowsHost(host) ||
      (isIP(host) === 0 && addresses.every((a) => this.allowList.allowsAddress(a)));
    if (!listed && !LDAP_PORTS.includes(port))
      throw new SmtpTargetRefused(
        `port ${port}, which is not an LDAP port (use ${LDAP_PORTS.join(', ')})`,
        'port',
      );
  }
}

export const refusalMessage = (reason: string) =>
  `The directory may not be on ${reason}: ask the operator to list it in DIRECTORY_ALLOWED_HOSTS.`;
