import ipaddr from 'ipaddr.js';

/**
 * Whether a webhook may be sent to this IP address. Only public unicast addresses are allowed
 * unless private targets are switched on (development, tests): an organisation must not be able
 * to make the platform call its own internal network (SSRF, OWASP A10).
 */
export function addressAllowed(address: string, allowPrivate: boolean): boolean {
  if (allowPrivate) return true;
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** The host part of a webhook URL when it is an IP literal (`[::1]` unwrapped), else null. */
export function literalAddress(hostname: string): string | null {
  const host = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(host) ? host : null;
}
