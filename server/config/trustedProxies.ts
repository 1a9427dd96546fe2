import net from 'node:net';

/**
 * The reverse proxies whose forwarding headers (X-Forwarded-For, -Host, -Proto) are believed:
 * `TRUSTED_PROXIES`, a comma-separated list of IP addresses and CIDR ranges such as
 * `10.0.0.5, 10.1.0.0/16`. Empty by default, and then a request's client is the address of the
 * connection itself, whatever headers it sends. Throws on an entry that is neither, so a typo
 * stops the server instead of silently trusting nothing (or everything).
 */
export function trustedProxies(setting: string | undefined = process.env.TRUSTED_PROXIES): string[] {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isAddressOrRange(entry)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (such as 10.0.0.0/8).`);
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
