'use client';

import { useEffect, useRef } from 'react';

/** Every keyboard shortcut of the writing room, as the sheet lists them (Mod: Ctrl, or ⌘ on a Mac). */
const SHORTCUTS: Array<{ group: string; keys: Array<[string, string]> }> = [
  {
    group: 'Writing room',
    keys: [
      ['?', 'Show this list (outside the text)'],
      ['Mod+Shift+F', 'Find and replace in the book'],
      ['Mod+Shift+Enter', 'Focus mode'],
      ['Esc', 'Leave focus mode; close the find panel or this list'],
      ['Tab / Shift+Tab', 'Move between the header, the binder, the text and the panels'],
    ],
  },
  {
    group: 'Text',
    keys: [
      ['Mod+B', 'Bold'],
      ['Mod+I', 'Italic'],
      ['Mod+E', 'Code'],
      ['Mod+Alt+3', 'Scene heading'],
      ['Mod+Alt+8', 'Scene break'],
      ['Mod+Alt+E', 'Epigraph at the head of the chapter or part'],
      ['Mod+Alt+M', 'Comment on the selection'],
      ['Mod+Z / Mod+Shift+Z', 'Undo / redo your own changes'],
      ['Enter (in a title)', 'Go to the text below'],
      ['Shift+Enter', 'Line break'],
    ],
  },
  {
    group: 'Find panel',
    keys: [
      ['Enter (in Find)', 'Open the first match'],
      ['Tab', 'Go through the matches; Enter opens one'],
    ],
  },
];

/** Whether the page runs on a Mac, where Mod is ⌘. */
function onMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

/**
 * The keyboard shortcuts, in a dialog: opened with `?` (outside the text) or from the header,
 * closed with Esc or its button; it takes the focus and gives it back when it closes.
 */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const before = document.activeElement as HTMLElement | null;
    element.showModal();
    return () => before?.focus();
  }, []);
  const mod = onMac() ? '⌘' : 'Ctrl';
  return (
    <dialog ref={dialog} className="shortcuts-sheet" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <header>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </header>
      {SHORTCUTS.map(({ group, keys }) => (
        <section key={group}>
          <h3>{group}</h3>
          <dl>
            {keys.map(([key, what]) => (
              <div key={key} className="shortcut">
                <dt>
                  <kbd>{key.replaceAll('Mod', mod)}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
