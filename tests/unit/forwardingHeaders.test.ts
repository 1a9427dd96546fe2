import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getIP } from '@better-auth/core/utils/ip';
import { applyHeaderChanges, forwardingHeaders } from '../../server/web/forwardingHeaders';
import { proxyMatcher } from '../../server/web/proxyMatcher';
import { trustedProxies } from '../../server/config/trustedProxies';

const noProxies = proxyMatcher([]);

/** The client address better-auth's rate limiter reads from headers the front has rewritten. */
function clientSeenByAuth(peer: string, sent: Record<string, string>, proxies: string[] = []): string | null {
  const headers = { ...sent };
  applyHeaderChanges(headers, forwardingHeaders(peer, headers, proxyMatcher(proxies)));
  return getIP(new Headers(headers as Record<string, string>), { advanced: { ipAddress: { trustedProxies: proxies } } });
}

test('without trusted proxies, the client is the connection address whatever forwarding headers say', () => {
  const changes = forwardingHeaders('203.0.113.9', { 'x-forwarded-for': '198.51.100.1', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-real-ip': '1.2.3.4' }, noProxies);
  assert.deepEqual(changes, {
    'x-forwarded-for': '203.0.113.9',
    'x-forwarded-host': null,
    'x-forwarded-proto': null,
    'x-forwarded-port': null,
    forwarded: null,
    'x-real-ip': null,
  });
  for (const spoofed of ['198.51.100.1', '198.51.100.1, 203.0.113.9', 'garbage', '']) {
    assert.equal(clientSeenByAuth('203.0.113.9', { 'x-forwarded-for': spoofed }), '203.0.113.9', `spoofed "${spoofed}"`);
  }
});

test('an IPv4 connection reported as IPv6 (::ffff:) is written as plain IPv4', () => {
  assert.equal(forwardingHeaders('::ffff:127.0.0.1', {}, noProxies)['x-forwarded-for'], '127.0.0.1');
});

test('a peer that only claims to be behind a trusted proxy is still the client', () => {
  assert.equal(clientSeenByAuth('203.0.113.9', { 'x-forwarded-for': '198.51.100.1, 10.0.0.5' }, ['10.0.0.0/8']), '203.0.113.9');
});

test('from a trusted proxy the chain is kept and the proxy appended; the client is the first address no proxy vouches for', () => {
  const headers = { 'x-forwarded-for': '6.6.6.6, 198.51.100.7', 'x-forwarded-host': 'write.example.com', 'x-forwarded-proto': 'https' };
  const changes = forwardingHeaders('10.0.0.5', headers, proxyMatcher(['10.0.0.0/8']));
  assert.deepEqual(changes, { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.5' });
  // The client wrote 6.6.6.6; the proxy appended the address it saw (198.51.100.7): that one counts.
  assert.equal(clientSeenByAuth('10.0.0.5', headers, ['10.0.0.0/8']), '198.51.100.7');
  assert.equal(clientSeenByAuth('::ffff:10.0.0.5', { 'x-forwarded-for': '198.51.100.7' }, ['10.0.0.5']), '198.51.100.7');
  assert.deepEqual(forwardingHeaders('10.0.0.5', {}, proxyMatcher(['10.0.0.5'])), { 'x-forwarded-for': '10.0.0.5' });
});

test('TRUSTED_PROXIES takes addresses and CIDR ranges, IPv4 and IPv6, and refuses anything else', () => {
  assert.deepEqual(trustedProxies(undefined), []);
  assert.deepEqual(trustedProxies(' 10.0.0.5, 192.168.0.0/16 ,2001:db8::/32,::1 '), ['10.0.0.5', '192.168.0.0/16', '2001:db8::/32', '::1']);
  for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.256', '::1/129', '10.0.0.0/x']) {
    assert.throws(() => trustedProxies(bad), /TRUSTED_PROXIES/, bad);
  }
  const isTrusted = proxyMatcher(['10.0.0.0/8', '2001:db8::/32']);
  assert.equal(isTrusted('10.200.1.1'), true);
  assert.equal(isTrusted('::ffff:10.200.1.1'), true);
  assert.equal(isTrusted('11.0.0.1'), false);
  assert.equal(isTrusted('2001:db8::1'), true);
  assert.equal(isTrusted('2001:db9::1'), false);
  assert.equal(isTrusted('not an address'), false);
});
