import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from '../../components/auth/safeNext';

test('a path inside the app is kept, with its query and fragment', () => {
  assert.equal(safeNext('/m/sample'), '/m/sample');
  assert.equal(safeNext('/invite/abc?x=1#top'), '/invite/abc?x=1#top');
  assert.equal(safeNext(['/m/a', '/m/b']), '/m/a');
});

test('anything a browser would take to another site becomes the library', () => {
  for (const hostile of ['//evil.example', '/\\evil.example', '/\\\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', 'javascript:alert(1)', 'evil.example', '', undefined]) {
    assert.equal(safeNext(hostile), '/', `kept ${JSON.stringify(hostile)}`);
  }
});
