import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appOriginsFromEnv, isAppOrigin } from '../../server/access/syncOrigin';

const local = appOriginsFromEnv({ PORT: '3000' });

test("a default install accepts the app's own port on the host the sync server was reached at", () => {
  assert.equal(isAppOrigin('http://localhost:3000', 'localhost:1234', local), true);
  assert.equal(isAppOrigin('http://192.168.1.20:3000', '192.168.1.20:1234', local), true);
  assert.equal(isAppOrigin('http://[::1]:3000', '[::1]:1234', local), true);
});

test('another site, another port of the same host, a look-alike host, no origin and "null" are refused', () => {
  assert.equal(isAppOrigin('http://evil.example', 'localhost:1234', local), false);
  assert.equal(isAppOrigin('http://localhost:4000', 'localhost:1234', local), false);
  assert.equal(isAppOrigin('http://localhost:3000.evil.example', 'localhost:1234', local), false);
  assert.equal(isAppOrigin(undefined, 'localhost:1234', local), false);
  assert.equal(isAppOrigin('null', 'localhost:1234', local), false);
  assert.equal(isAppOrigin('http://localhost:3000', undefined, local), false);
});

test('configured origins (public URL, TRUSTED_ORIGINS) are accepted whatever the host', () => {
  const deployed = appOriginsFromEnv({ BETTER_AUTH_URL: 'https://write.example.com/', TRUSTED_ORIGINS: 'https://quire.example.org, http://10.0.0.5:8080' });
  assert.equal(isAppOrigin('https://write.example.com', 'sync.example.com', deployed), true);
  assert.equal(isAppOrigin('https://quire.example.org', 'sync.example.com', deployed), true);
  assert.equal(isAppOrigin('http://10.0.0.5:8080', 'sync.example.com', deployed), true);
  assert.equal(isAppOrigin('http://write.example.com', 'sync.example.com', deployed), false);
});
