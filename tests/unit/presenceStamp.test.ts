import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedAwareness, admitPresence } from '../../server/sync/presenceStamp';

const LIMITS = { maxClientIds: 2, maxStateBytes: 200 };
const ME = { userId: 'ada', name: 'Ada Writer', role: 'editor' as const };
const NOBODY = { ownerOf: () => undefined, accountOf: () => undefined };
/** Ownership from live owners (connection objects) and the accounts ids were first announced by. */
const held = (owners: Map<number, object>, accounts = new Map<number, string>()) => ({ ownerOf: (id: number) => owners.get(id), accountOf: (id: number) => accounts.get(id) });

/** Encodes awareness entries as y-protocols does. */
function awareness(entries: Array<[number, number, unknown]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

function decode(update: Uint8Array | null): Array<[number, number, unknown]> {
  if (!update) return [];
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => [decoding.readVarUint(decoder), decoding.readVarUint(decoder), JSON.parse(decoding.readVarString(decoder))]);
}

test("a connection's state is stamped with its account's name and role; a forged name is replaced", () => {
  const self = {};
  const result = admitPresence(awareness([[7, 1, { user: { name: 'The Owner', color: '#aa3300' }, cursor: { anchor: 1 } }]]), self, NOBODY, 0, ME, LIMITS);
  assert.deepEqual(result.claimed, [7]);
  assert.deepEqual(decode(result.update), [[7, 1, { user: { name: 'Ada Writer', role: 'editor', color: '#aa3300' }, cursor: { anchor: 1 } }]]);
});

test('a caret colour that is not #rrggbb is dropped, not relayed', () => {
  const result = admitPresence(awareness([[7, 1, { user: { color: 'red; background:url(x)' } }]]), {}, NOBODY, 0, ME, LIMITS);
  assert.deepEqual(decode(result.update), [[7, 1, { user: { name: 'Ada Writer', role: 'editor' } }]]);
});

test("states of client ids another connection owns are skipped (re-sent or forged), including their removal", () => {
  const self = {};
  const other = {};
  const owners = new Map<number, object>([[9, other]]);
  const result = admitPresence(awareness([[9, 5, { user: { name: 'Hijack' } }], [9, 6, null], [7, 1, {}]]), self, held(owners), 0, ME, LIMITS);
  assert.deepEqual(decode(result.update).map(([id]) => id), [7]);
  assert.deepEqual(result.claimed, [7]);
});

test('the owner may withdraw its state; a removal for an id nobody holds is ignored', () => {
  const self = {};
  const owners = new Map<number, object>([[7, self]]);
  const result = admitPresence(awareness([[7, 2, null], [8, 1, null]]), self, held(owners), 1, ME, LIMITS);
  assert.deepEqual(result.released, [7]);
  assert.deepEqual(decode(result.update), [[7, 2, null]]);
});

test('a connection cannot announce more client ids than allowed, nor oversized or non-object states', () => {
  const result = admitPresence(
    awareness([[1, 1, {}], [2, 1, {}], [3, 1, {}], [4, 1, 'a string'], [5, 1, { big: 'x'.repeat(300) }]]),
    {},
    NOBODY,
    0,
    ME,
    LIMITS,
  );
  assert.deepEqual(result.claimed, [1, 2]);
  assert.deepEqual(decode(result.update).map(([id]) => id), [1, 2]);
});

test('malformed awareness is reported, not half-applied', () => {
  const truncated = awareness([[1, 1, {}]]).slice(0, 4);
  assert.throws(() => admitPresence(truncated, {}, NOBODY, 0, ME, LIMITS), MalformedAwareness);
  const notJson = (() => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{not json');
    return encoding.toUint8Array(encoder);
  })();
  assert.throws(() => admitPresence(notJson, {}, NOBODY, 0, ME, LIMITS), MalformedAwareness);
  const trailing = new Uint8Array([...awareness([[1, 1, {}]]), 0]);
  assert.throws(() => admitPresence(trailing, {}, NOBODY, 0, ME, LIMITS), /trailing bytes/);
});

test("an id another account announced stays theirs while they reconnect: nobody else can take it", () => {
  const accounts = new Map<number, string>([[7, 'bea']]);
  const result = admitPresence(awareness([[7, 2 ** 40, { user: { name: 'Squatter' } }]]), {}, held(new Map(), accounts), 0, ME, LIMITS);
  assert.equal(result.update, null);
  assert.deepEqual(result.claimed, []);
  const mine = admitPresence(awareness([[7, 3, {}]]), {}, held(new Map(), accounts), 0, { ...ME, userId: 'bea' }, LIMITS);
  assert.deepEqual(mine.claimed, [7]);
});

test('the size limit counts UTF-8 bytes, and the stamped state', () => {
  // 80 three-byte characters: 240 bytes, over the 200-byte limit though only 80 characters.
  const result = admitPresence(awareness([[7, 1, { note: '€'.repeat(80) }]]), {}, NOBODY, 0, ME, LIMITS);
  assert.equal(result.update, null);
  const longName = { ...ME, name: 'n'.repeat(190) };
  assert.equal(admitPresence(awareness([[7, 1, {}]]), {}, NOBODY, 0, longName, LIMITS).update, null);
});
