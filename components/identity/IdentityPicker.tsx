'use client';

import { useEffect, useState } from 'react';
import { THEMES, applyTheme, loadTheme, type Theme } from '../theme/theme';
import { WRITER_COLORS } from '@model/identity/writerColors';

interface IdentityPickerProps {
  /** The account's name, shown to co-writers on the caret. */
  name: string;
  color: string;
  onColor: (color: string) => void;
}

/** Shows the name co-writers see and lets the writer pick their caret colour. */
export function IdentityPicker({ name, color, onColor }: IdentityPickerProps) {
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (open) setTheme(loadTheme());
  }, [open]);
  return (
    <div className="identity">
      <button type="button" className="identity-chip" data-testid="identity-chip" onClick={() => setOpen((o) => !o)} title="Choose your caret colour">
        <span className="identity-dot" style={{ background: color }} />
        {name}
      </button>
      {open && (
        <div className="identity-menu">
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
          <div className="identity-theme" role="radiogroup" aria-label="Theme">
            {THEMES.map((choice) => (
              <button
                key={choice}
                type="button"
                role="radio"
                aria-checked={theme === choice}
                onClick={() => {
                  applyTheme(choice);
                  setTheme(choice);
                }}
              >
                {choice === 'system' ? 'System' : choice === 'light' ? 'Light' : 'Dark'}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
