'use client';

import { useEffect, useState } from 'react';
import type { NotificationListing } from '@model/api/notificationListing';
import { apiCall } from '../http/apiCall';

const SAID: Record<NotificationListing['kind'], string> = {
  reply: 'replied on',
  mention: 'mentioned you on',
  resolved: 'resolved',
  reopened: 'reopened',
};

interface NotificationListProps {
  manuscriptId: string;
  /** How many are unread: the list is read again when it grows while the panel is open. */
  unread: number;
  /** Opens a thread the notification is about. */
  onOpen: (threadId: string, sectionId: string) => void;
  /** After they are marked read (the count beside Comments goes). */
  onSeen: () => void;
}

/**
 * What happened on the reader's threads: the unread first (marked read as soon as they are
 * shown, so the count clears), then the latest read ones. Only replies, resolutions and mentions
 * that concern the reader are here (see model/api/notificationRecipients.ts).
 */
export function NotificationList({ manuscriptId, unread, onOpen, onSeen }: NotificationListProps) {
  const [notifications, setNotifications] = useState<NotificationListing[] | null>(null);
  const somethingNew = unread > 0;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const { notifications: listed } = await apiCall<{ notifications: NotificationListing[] }>(`/api/manuscripts/${manuscriptId}/notifications`, { cache: 'no-store' });
        if (cancelled) return;
        setNotifications(listed);
        if (listed.some((n) => !n.read)) {
          await apiCall(`/api/manuscripts/${manuscriptId}/notifications/read`, { method: 'POST', json: {} });
          onSeen();
        }
      } catch {
        // The list is a convenience: the threads below show everything anyway.
      }
    })();
    return () => {
      cancelled = true;
    };
    // `somethingNew` only as a trigger: it arrived while the panel was open.
  }, [manuscriptId, onSeen, somethingNew]);

  if (!notifications || notifications.length === 0) return null;
  return (
    <section aria-label="What’s new" data-testid="notifications">
      <h3>What’s new</h3>
      <ol className="notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.read ? undefined : 'is-unread'} data-testid="notification">
            <button type="button" onClick={() => onOpen(n.threadId, n.sectionId)}>
              {n.actor ?? 'Someone'} {SAID[n.kind]} “{n.quote.length > 60 ? `${n.quote.slice(0, 59)}…` : n.quote}”
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
