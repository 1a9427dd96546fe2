import { test } from 'node:test';
import assert from 'node:assert/strict';
import { announcedAppUrl } from '../../server/config/appUrl';

test('the announced address is localhost on all interfaces, else the host given', () => {
  assert.equal(announcedAppUrl({}), 'http://localhost:3000');
  assert.equal(announcedAppUrl({ PORT: '4000', HOST: '0.0.0.0' }), 'http://localhost:4000');
  assert.equal(announcedAppUrl({ PORT: '4000', HOST: '127.0.0.1' }), 'http://127.0.0.1:4000');
  assert.equal(announcedAppUrl({ HOST: '::1' }), 'http://[::1]:3000');
});
