'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';

// The menu (colours, themes) loads when first opened: the writing room's first load stays small.
const IdentityMenu = dynamic(() => import('./IdentityMenu').then((m) => m.IdentityMenu), { ssr: false });

interface IdentityPickerProps {
  /** The account's name, shown to co-writers on the caret. */
  name: string;
  color: string;
  onColor: (color: string) => void;
}

/** Shows the name co-writers see, and opens the menu where the writer picks their caret colour and theme. */
export function IdentityPicker({ name, color, onColor }: IdentityPickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="identity">
      <button type="button" className="identity-chip" data-testid="identity-chip" onClick={() => setOpen((o) => !o)} title="Choose your caret colour and theme" aria-expanded={open}>
        <span className="identity-dot" style={{ background: color }} />
        <span className="identity-chip-name">{name}</span>
      </button>
      {open && (
        <IdentityMenu
          color={color}
          onColor={(chosen) => {
            onColor(chosen);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}
