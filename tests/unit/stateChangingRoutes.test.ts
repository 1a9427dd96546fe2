import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const API_DIR = path.join('app', 'api');

/** Every route handler under app/api that changes state: its method, path (`:param` style) and source. */
function stateChangingHandlers(): Array<{ method: string; route: string; source: string }> {
  const files = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts');
  return files.flatMap((file) => {
    const source = readFileSync(path.join(API_DIR, file), 'utf8');
    const route = `/api/${path.dirname(file).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, ':$1');
    return [...source.matchAll(/export const (POST|PUT|PATCH|DELETE) = /g)].map((match) => ({ method: match[1], route, source }));
  });
}

test('every state-changing route handler goes through jsonRoute, which checks the origin', () => {
  const handlers = stateChangingHandlers();
  assert.ok(handlers.length >= 10, `found only ${handlers.length}`);
  for (const { method, route, source } of handlers) {
    assert.match(source, new RegExp(`export const ${method} = jsonRoute\\(`), `${method} ${route}`);
  }
});

test('the end-to-end security spec sends every one of them from foreign origins', () => {
  const spec = readFileSync(path.join('tests', 'e2e', 'security.spec.ts'), 'utf8');
  for (const { method, route } of stateChangingHandlers()) assert.ok(spec.includes(`'${method} ${route}'`), `${method} ${route} is not in security.spec.ts`);
});
