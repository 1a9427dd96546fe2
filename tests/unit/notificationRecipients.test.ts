import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionedMembers, notificationRecipients } from '@model/api/notificationRecipients';

const members = [
  { userId: 'ada', name: 'Ada' },
  { userId: 'adam', name: 'Adam' },
  { userId: 'lovelace', name: 'Ada Lovelace' },
  { userId: 'ben', name: 'Ben' },
  { userId: 'cora', name: 'Cora' },
];

test('a mention is @ and a member’s whole name, longest name first, any case', () => {
  assert.deepEqual(mentionedMembers('@ada, look', members), ['ada']);
  assert.deepEqual(mentionedMembers('@Adam and @BEN.', members).sort(), ['adam', 'ben']);
  assert.deepEqual(mentionedMembers('@Ada Lovelace wrote this', members), ['lovelace']);
  assert.deepEqual(mentionedMembers('@Ada Lovelace and @Ada', members).sort(), ['ada', 'lovelace']);
  assert.deepEqual(mentionedMembers('mail ada@example.com or @Adamant', members), []);
  assert.deepEqual(mentionedMembers('no one', members), []);
});

test('a reply tells the thread’s participants but not its author; mentions are told once, as mentions', () => {
  assert.deepEqual(
    notificationRecipients({ kind: 'reply', actorId: 'ben', participants: ['ada', 'ben'], members, body: 'Done.' }),
    [{ userId: 'ada', kind: 'reply' }],
  );
  assert.deepEqual(
    notificationRecipients({ kind: 'reply', actorId: 'ben', participants: ['ada', 'ben'], members, body: '@Ada @Cora @cora see' }).sort((a, b) => a.userId.localeCompare(b.userId)),
    [
      { userId: 'ada', kind: 'mention' },
      { userId: 'cora', kind: 'mention' },
    ],
  );
  assert.deepEqual(notificationRecipients({ kind: 'reply', actorId: 'ben', participants: ['ben'], members, body: '@Ben note to self' }), []);
});

test('a new thread tells only those it mentions; resolving tells participants; former members hear nothing', () => {
  assert.deepEqual(notificationRecipients({ kind: 'thread', actorId: 'ada', participants: ['ada'], members, body: 'Look, @Ben.' }), [{ userId: 'ben', kind: 'mention' }]);
  assert.deepEqual(notificationRecipients({ kind: 'thread', actorId: 'ada', participants: ['ada'], members, body: 'No mention.' }), []);
  assert.deepEqual(
    notificationRecipients({ kind: 'resolved', actorId: 'ada', participants: ['ada', 'ben', 'gone'], members }),
    [{ userId: 'ben', kind: 'resolved' }],
  );
});
