import type { ReactNode } from 'react';

interface SidePanelProps {
  /** The panel's heading, also its accessible name ("History"). */
  title: string;
  /** Names the panel in its class (`<name>-panel`), test id and close button ("Close <closeLabel>"). */
  name: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** A panel beside the editor (sharing, history, export, import): its heading, a Close button, and its content. */
export function SidePanel({ title, name, closeLabel, onClose, children }: SidePanelProps) {
  return (
    <aside className={`side-panel ${name}-panel`} aria-label={title} data-testid={`${name}-panel`}>
      <header>
        <h2>{title}</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label={`Close ${closeLabel}`}>
          Close
        </button>
      </header>
      {children}
    </aside>
  );
}
