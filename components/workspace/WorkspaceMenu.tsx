'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/** One thing the writing room's header offers (a panel, a mode, the shortcut list). */
export interface WorkspaceAction {
  label: string;
  onSelect: () => void;
  /** Shown in the header itself on wide screens (Comments, Find); the rest live in the menu. */
  primary?: boolean;
  /** Extra content after the label (an unread count). */
  badge?: ReactNode;
  /** For `aria-keyshortcuts`. */
  shortcut?: string;
}

/**
 * The header's actions: the primary ones as buttons, every other one (and on narrow screens all
 * of them) in a menu opened by **More** (**Menu** on a phone), with `status` (the word count,
 * what is offline) at its top when the header has no room for it. The menu closes on a choice,
 * on Esc and on a click elsewhere, and gives the focus back to its button.
 */
export function WorkspaceMenu({ actions, status }: { actions: WorkspaceAction[]; status?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', escape);
    wrap.current?.querySelector<HTMLElement>('[role="menuitem"]:not([hidden])')?.focus();
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <div className="workspace-actions" ref={wrap}>
      {actions
        .filter((action) => action.primary)
        .map((action) => (
          <button key={action.label} type="button" className="share-button action-inline" onClick={action.onSelect} aria-keyshortcuts={action.shortcut}>
            {action.label}
            {action.badge}
          </button>
        ))}
      <button ref={button} type="button" className="share-button action-menu-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="when-wide">More</span>
        <span className="when-narrow">Menu</span>
      </button>
      {open && (
        <div className="action-menu" role="menu" aria-label="Manuscript actions">
          {status && <div className="action-menu-status">{status}</div>}
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              className={action.primary ? 'action-menu-item is-primary' : 'action-menu-item'}
              aria-keyshortcuts={action.shortcut}
              onClick={() => {
                setOpen(false);
                action.onSelect();
              }}
            >
              {action.label}
              {action.badge}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
