import net from 'node:net';

/** Answers whether a connection's address belongs to a trusted proxy. */
export type ProxyMatcher = (address: string) => boolean;

/**
 * A matcher for the trusted proxy entries (IP addresses and CIDR ranges, already validated by
 * `trustedProxies`). An IPv4 address seen as IPv6 (`::ffff:10.0.0.5`, as dual-stack sockets
 * report it) matches the IPv4 entries.
 */
export function proxyMatcher(entries: readonly string[]): ProxyMatcher {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const plain = unmappedAddress(address);
    const family = net.isIP(plain);
    if (family === 0 || entries.length === 0) return false;
    return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** `::ffff:192.0.2.1` → `192.0.2.1`; any other address unchanged. */
export function unmappedAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}
