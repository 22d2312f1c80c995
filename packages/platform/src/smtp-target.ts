import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a tenant's own SMTP server may be. A tenant admin types a host and a port, and the
 * worker connects there from inside the platform: without these rules the test email is a
 * port scanner of the internal network (Redis, PostgreSQL, the cloud metadata service), its
 * failure text the banner of whatever answered. The platform's SMTP_URL is the operator's
 * and is not subject to them.
 */

/** The ports of mail submission and relay; an operator-listed host may use any port. */
export const SMTP_PORTS: readonly number[] = [25, 465, 587, 2525];

/** Names that are local by definition (RFC 6761, 6762, 8375) or cloud metadata services, whatever they resolve to today. */
const LOCAL_NAMES = [
  'localhost',
  'localhost.localdomain',
  'metadata',
  'metadata.google.internal',
  'instance-data',
];
const LOCAL_SUFFIXES = ['.localhost', '.local', '.localdomain', '.internal', '.home.arpa'];
/** Metadata services outside the ranges refused anyway (Oracle's 192.0.0.192 is "reserved", AWS's IPv6 one is ULA): named for the message. */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254',
  '169.254.170.2',
  '169.254.169.253',
  '100.100.100.200',
  '192.0.0.192',
  'fd00:ec2::254',
  'fd00:ec2::23',
]);

const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** What a refused target is, for the admin's message; the API and the worker share the wording. */
export class SmtpTargetRefused extends Error {
  /** `reason` is for the tenant admin (never the address a name resolves to); the message, for the operator's log, may add it. */
  constructor(
    readonly reason: string,
    readonly field: 'host' | 'port' = 'host',
    detail = reason,
  ) {
    super(detail);
    this.name = 'SmtpTargetRefused';
  }
}

/** `[::1]` → `::1`, `Mail.Example.ca.` → `mail.example.ca`. */
export function normalizeSmtpHost(host: string): string {
  const trimmed = host.trim().toLowerCase();
  const unbracketed =
    trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return unbracketed.replace(/\.+$/, '');
}

/** The IPv4 address an IPv6 translation prefix carries (NAT64 /96, 6to4), or null. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const v4 = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (address.match(ipaddr.parseCIDR('64:ff9b::/96'))) return v4(parts[6]!, parts[7]!);
  if (address.range() === '6to4') return v4(parts[1]!, parts[2]!);
  return null;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10) address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique local (fc00::/7) address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/**
 * Why an address may not be a tenant's SMTP server, or null when it may: only public unicast
 * addresses are allowed. IPv4-mapped IPv6 is judged as the IPv4 address it carries, NAT64 and
 * 6to4 too; any other IPv6 outside 2000::/3, or special inside it (Teredo, documentation…), is refused.
 */
export function refusedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let ip = ipaddr.process(address);
  if (METADATA_ADDRESSES.has(ip.toString())) return 'a cloud metadata service address';
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    const inner = embeddedIpv4(v6);
    if (inner) ip = inner;
    else if (!v6.match(IPV6_GLOBAL_UNICAST))
      return RANGE_NAMES[v6.range()] ?? 'a reserved IPv6 address';
  }
  const range = ip.range();
  if (range === 'unicast') return null;
  return RANGE_NAMES[range] ?? `a reserved address (${range})`;
}

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `SMTP_ALLOWED_HOSTS`: the internal hosts the operator lets tenants use (names, IPs, CIDRs). */
export class SmtpAllowList {
  private constructor(
    private readonly names: ReadonlySet<string>,
    private readonly networks: readonly Network[],
  ) {}

  /** Throws an Error naming the first entry that is neither a host name, an IP address nor a CIDR. */
  static parse(value: string): SmtpAllowList {
    const names = new Set<string>();
    const networks: Network[] = [];
    for (const raw of value.split(',')) {
      const entry = normalizeSmtpHost(raw);
      if (!entry) continue;
      if (entry.includes('/')) {
        if (!ipaddr.isValidCIDR(entry)) throw new Error(`"${raw.trim()}" is not a valid CIDR`);
        const [range, bits] = ipaddr.parseCIDR(entry);
        networks.push(
          range.kind() === 'ipv6' && (range as ipaddr.IPv6).isIPv4MappedAddress()
            ? [(range as ipaddr.IPv6).toIPv4Address(), bits - 96]
            : [range, bits],
        );
      } else if (isIP(entry)) {
        const ip = ipaddr.process(entry);
        networks.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
      } else if (
        /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(entry)
      ) {
        names.add(entry);
      } else {
        throw new Error(`"${raw.trim()}" is not a host name, an IP address or a CIDR`);
      }
    }
    return new SmtpAllowList(names, networks);
  }

  /** Whether the operator listed this address (or a network holding it). */
  allowsAddress(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const ip = ipaddr.process(address);
    return this.networks.some(
      ([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits),
    );
  }

  /** Whether the operator listed this host: its name, or, for an IP literal, its address. */
  allowsHost(host: string): boolean {
    const name = normalizeSmtpHost(host);
    return this.names.has(name) || (isIP(name) !== 0 && this.allowsAddress(name));
  }
}

export type Resolver = (host: string) => Promise<string[]>;

/** getaddrinfo, as a socket would resolve the name (hosts file included). */
export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The checks, at save time (`refusal`) and again at every connection (`addresses`), since a
 * name may resolve elsewhere by then (DNS rebinding): the worker connects to the very
 * addresses it checked.
 */
export class SmtpTargetPolicy {
  constructor(
    private readonly allowList: SmtpAllowList,
    private readonly resolver: Resolver = systemResolver,
    /** A lookup that takes longer fails (a save accepts the name, a connection fails and is retried). */
    private readonly resolveTimeoutMs = 5000,
  ) {}

  private async resolve(name: string): Promise<string[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error(`${name} did not resolve within ${this.resolveTimeoutMs} ms`), {
              code: 'EDNS',
            }),
          ),
        this.resolveTimeoutMs,
      );
    });
    try {
      return await Promise.race([this.resolver(name), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private static portMessage(port: number): string {
    return `Port ${port} is not an SMTP port: use ${SMTP_PORTS.join(', ')}.`;
  }

  private static nameRefusal(name: string): string | null {
    if (LOCAL_NAMES.includes(name) || LOCAL_SUFFIXES.some((s) => name.endsWith(s)))
      return `a local or internal name (${name})`;
    return null;
  }

  /**
   * Why this host and port may not be saved, or null. A name that does not resolve now is
   * accepted (its DNS may come later; the worker checks again when it connects).
   */
  async refusal(
    host: string,
    port: number,
  ): Promise<{ field: 'host' | 'port'; message: string } | null> {
    const name = normalizeSmtpHost(host);
    if (this.allowList.allowsHost(name)) return null;
    try {
      await this.addresses(name, port);
      return null;
    } catch (error) {
      if (!(error instanceof SmtpTargetRefused)) {
        // Did not resolve: only the port can be judged now.
        return SMTP_PORTS.includes(port)
          ? null
          : { field: 'port', message: SmtpTargetPolicy.portMessage(port) };
      }
      if (error.field === 'port')
        return { field: 'port', message: SmtpTargetPolicy.portMessage(port) };
      return {
        field: 'host',
        message: `The SMTP server may not be on ${error.reason}: use your institution's public mail server.`,
      };
    }
  }

  /**
   * The addresses to connect to for this host, every one checked; throws SmtpTargetRefused
   * when the name is local or any address it resolves to is internal and not listed by the
   * operator (a name resolving to both public and internal addresses is refused whole).
   */
  async addresses(host: string, port?: number): Promise<string[]> {
    const name = normalizeSmtpHost(host);
    const listedName = this.allowList.allowsHost(name) && isIP(name) === 0;
    if (!listedName) {
      const refusedName = SmtpTargetPolicy.nameRefusal(name);
      if (refusedName) throw new SmtpTargetRefused(refusedName);
    }
    const addresses = isIP(name) ? [name] : await this.resolve(name);
    if (!addresses.length)
      throw Object.assign(new Error(`${name} did not resolve`), { code: 'EDNS' });
    if (!listedName) {
      for (const address of addresses) {
        if (this.allowList.allowsAddress(address)) continue;
        const reason = refusedAddressReason(address);
        if (reason && isIP(name)) throw new SmtpTargetRefused(reason);
        if (reason)
          throw new SmtpTargetRefused(
            `${reason} (what ${name} resolves to)`,
            'host',
            `${reason} (${name} resolves to ${address})`,
          );
      }
    }
    // An operator-listed host may use any port: listed by name, or every address it has listed.
    const listed = listedName || addresses.every((a) => this.allowList.allowsAddress(a));
    if (port !== undefined && !listed && !SMTP_PORTS.includes(port))
      throw new SmtpTargetRefused(`port ${port}, which is not an SMTP port`, 'port');
    return addresses;
  }
}
