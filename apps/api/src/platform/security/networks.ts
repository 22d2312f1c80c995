import ipaddr from 'ipaddr.js';

/**
 * The address in canonical form: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) becomes IPv4, IPv6 is
 * compressed. Null for anything that is not an IP address.
 */
export function canonicalIp(value: string | undefined | null): string | null {
  if (!value || !ipaddr.isValid(value)) return null;
  return ipaddr.process(value).toString();
}

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseNetwork(cidr: string): Network | null {
  const value = cidr.trim();
  try {
    if (value.includes('/')) return ipaddr.parseCIDR(value);
    const address = ipaddr.process(value);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}

/**
 * Whether an address is inside one of the networks (IPv4 or IPv6 CIDR, or a bare address).
 * An IPv4-mapped IPv6 address is matched as the IPv4 address it carries; networks that do
 * not parse are ignored (the tenant settings schema already refuses them).
 */
export function isInNetworks(address: string | null, networks: readonly string[]): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  return networks.some((cidr) => {
    const network = parseNetwork(cidr);
    if (!network) return false;
    const [range, bits] = network;
    const normalizedRange =
      range.kind() === 'ipv6' && (range as ipaddr.IPv6).isIPv4MappedAddress()
        ? (range as ipaddr.IPv6).toIPv4Address()
        : range;
    const rangeBits = normalizedRange === range ? bits : bits - 96;
    if (ip.kind() !== normalizedRange.kind() || rangeBits < 0) return false;
    return ip.kind() === 'ipv4'
      ? (ip as ipaddr.IPv4).match(normalizedRange as ipaddr.IPv4, rangeBits)
      : (ip as ipaddr.IPv6).match(normalizedRange as ipaddr.IPv6, rangeBits);
  });
}
