import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicOrigin } from '../../server/http/publicOrigin';

test('links use the host the request was addressed to, not the bind address', () => {
  const request = new Request('http://0.0.0.0:3000/api/x', { headers: { host: 'quire.local:3000' } });
  assert.equal(publicOrigin(request), 'http://quire.local:3000');
});

test('behind a proxy the forwarded host and scheme win, and a configured URL wins over both', () => {
  const request = new Request('http://0.0.0.0:3000/api/x', {
    headers: { host: 'internal:3000', 'x-forwarded-host': 'books.example.com', 'x-forwarded-proto': 'https' },
  });
  assert.equal(publicOrigin(request), 'https://books.example.com');
  process.env.BETTER_AUTH_URL = 'https://write.example.org/';
  try {
    assert.equal(publicOrigin(request), 'https://write.example.org');
  } finally {
    delete process.env.BETTER_AUTH_URL;
  }
});
