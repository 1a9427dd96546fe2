/** What a notification is about. */
export type NotificationKind = 'reply' | 'mention' | 'resolved' | 'reopened';

/** A member of the manuscript, as mentions are matched against them. */
export interface MentionableMember {
  userId: string;
  name: string;
}

/**
 * The members a comment mentions: `@` followed by a member's whole name (case does not matter),
 * not running on into further letters or digits ("@Ada" mentions Ada, not Adam). Longer names
 * are tried first, so "@Ada Lovelace" mentions Ada Lovelace and not also a member called Ada.
 */
export function mentionedMembers(body: string, members: readonly MentionableMember[]): string[] {
  const text = body.toLocaleLowerCase();
  const found = new Set<string>();
  const claimed: Array<[number, number]> = [];
  for (const member of [...members].sort((a, b) => b.name.length - a.name.length)) {
    const name = member.name.trim().toLocaleLowerCase();
    if (!name) continue;
    for (let at = text.indexOf(`@${name}`); at >= 0; at = text.indexOf(`@${name}`, at + 1)) {
      const end = at + 1 + name.length;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      if (claimed.some(([start, stop]) => at >= start && at < stop)) continue;
      claimed.push([at, end]);
      found.add(member.userId);
      break;
    }
  }
  return [...found];
}

/**
 * Who is told about something done on a thread, and as what: everyone who takes part in it (its
 * starter and whoever commented) gets `kind`, members mentioned in the new comment get a mention
 * instead (once, however often they are named), and nobody is told about what they did
 * themselves. Only current members are told: a participant who has left hears nothing.
 */
export function notificationRecipients(event: {
  kind: Exclude<NotificationKind, 'mention'> | 'thread';
  actorId: string;
  participants: readonly string[];
  members: readonly MentionableMember[];
  body?: string;
}): Array<{ userId: string; kind: NotificationKind }> {
  const memberIds = new Set(event.members.map((m) => m.userId));
  const mentioned = new Set(event.body ? mentionedMembers(event.body, event.members) : []);
  const recipients = new Map<string, NotificationKind>();
  // A new thread tells only those it mentions: nobody else takes part in it yet.
  if (event.kind !== 'thread') for (const userId of event.participants) recipients.set(userId, event.kind);
  for (const userId of mentioned) recipients.set(userId, 'mention');
  recipients.delete(event.actorId);
  return [...recipients].filter(([userId]) => memberIds.has(userId)).map(([userId, kind]) => ({ userId, kind }));
}
