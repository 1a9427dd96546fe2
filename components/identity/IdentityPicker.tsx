'use client';

import { useState } from 'react';
import { WRITER_COLORS } from './writerColor';

interface IdentityPickerProps {
  /** The account's name, shown to co-writers on the caret. */
  name: string;
  color: string | null;
  onColor: (color: string) => void;
}

/** Shows the name co-writers see and lets the writer pick their caret colour. */
export function IdentityPicker({ name, color, onColor }: IdentityPickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="identity">
      <button type="button" className="identity-chip" data-testid="identity-chip" onClick={() => setOpen((o) => !o)} title="Choose your caret colour">
        <span className="identity-dot" style={{ background: color ?? 'transparent' }} />
        {name}
      </button>
      {open && (
        <div className="identity-colors" role="radiogroup" aria-label="Caret colour">
          {WRITER_COLORS.map((choice) => (
            <button
              key={choice}
              type="button"
              role="radio"
              aria-checked={color === choice}
              aria-label={`Colour ${choice}`}
              className="identity-color"
              style={{ background: choice }}
              onClick={() => {
                onColor(choice);
                setOpen(false);
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
