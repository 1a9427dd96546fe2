import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSameOrigin } from '../../server/http/sameOrigin';
import { configuredOrigins } from '../../server/http/appOrigins';
import { mediaType } from '../../server/http/mediaType';

/** A request to the app addressed to `host`, with the given headers. */
function requestTo(host: string, headers: Record<string, string>): Request {
  return new Request('http://0.0.0.0:3000/api/manuscripts', { method: 'POST', headers: { host, ...headers } });
}

/** Runs `body` with environment variables set, restoring them afterwards. */
function withEnv(values: Record<string, string>, body: () => void): void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    body();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

test('a request from a page on the host it was addressed to is same-origin, over http or https', () => {
  assert.equal(isSameOrigin(requestTo('localhost:3000', { origin: 'http://localhost:3000' })), true);
  assert.equal(isSameOrigin(requestTo('192.168.1.20:3000', { origin: 'http://192.168.1.20:3000' })), true);
  assert.equal(isSameOrigin(requestTo('write.example.com', { origin: 'https://write.example.com' })), true);
  assert.equal(isSameOrigin(requestTo('Write.Example.com:443', { origin: 'https://write.example.com' })), true);
});

test('another site, another port of the same host, a missing or null Origin are not', () => {
  assert.equal(isSameOrigin(requestTo('localhost:3000', { origin: 'http://evil.example' })), false);
  assert.equal(isSameOrigin(requestTo('localhost:3000', { origin: 'http://localhost:8080' })), false);
  assert.equal(isSameOrigin(requestTo('localhost:3000', { origin: 'http://localhost' })), false);
  assert.equal(isSameOrigin(requestTo('localhost:3000', {})), false);
  assert.equal(isSameOrigin(requestTo('localhost:3000', { origin: 'null' })), false);
  assert.equal(isSameOrigin(requestTo('localhost:3000', { origin: 'not a url' })), false);
  // Referer does not stand in for Origin: browsers always send Origin on these requests.
  assert.equal(isSameOrigin(requestTo('localhost:3000', { referer: 'http://localhost:3000/' })), false);
});

test('BETTER_AUTH_URL and TRUSTED_ORIGINS are the app too', () => {
  withEnv({ BETTER_AUTH_URL: 'https://write.example.com/', TRUSTED_ORIGINS: 'https://books.example.org, http://10.0.0.2:3000/' }, () => {
    assert.deepEqual(configuredOrigins(), ['https://write.example.com', 'https://books.example.org', 'http://10.0.0.2:3000']);
    assert.equal(isSameOrigin(requestTo('internal:3000', { origin: 'https://write.example.com' })), true);
    assert.equal(isSameOrigin(requestTo('internal:3000', { origin: 'https://books.example.org' })), true);
    assert.equal(isSameOrigin(requestTo('internal:3000', { origin: 'https://evil.example' })), false);
  });
});

test('the forwarded host counts as the address (the front keeps it only from trusted proxies)', () => {
  const proxied = requestTo('internal:3000', { 'x-forwarded-host': 'write.example.com', origin: 'https://write.example.com' });
  assert.equal(isSameOrigin(proxied), true);
});

test('media types are compared without parameters or case', () => {
  const typed = (type: string) => new Request('http://localhost/', { method: 'POST', headers: { 'content-type': type } });
  assert.equal(mediaType(typed('application/json; charset=utf-8')), 'application/json');
  assert.equal(mediaType(typed('Multipart/Form-Data; boundary=x')), 'multipart/form-data');
  assert.equal(mediaType(new Request('http://localhost/')), '');
});
