'use client';

import { useEffect, useState } from 'react';
import { THEMES, applyTheme, loadTheme, type Theme } from '../theme/theme';
import { WRITER_COLORS } from '@model/identity/writerColors';

/** The identity chip's menu: the caret colours to choose from, and the theme. */
export function IdentityMenu({ color, onColor }: { color: string; onColor: (color: string) => void }) {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    // What this browser keeps, read once the menu is open (the server cannot know it).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTheme(loadTheme());
  }, []);
  return (
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
            onClick={() => onColor(choice)}
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
  );
}
