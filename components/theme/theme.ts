/** The app's themes: `system` follows the device's light or dark setting. */
export const THEMES = ['system', 'light', 'dark'] as const;
/** One of {@link THEMES}. */
export type Theme = (typeof THEMES)[number];

/** Where this browser keeps the writer's theme. */
export const THEME_KEY = 'quire:theme';

/** The theme this browser keeps (system when none or unknown). */
export function loadTheme(): Theme {
  const saved = window.localStorage.getItem(THEME_KEY);
  return (THEMES as readonly string[]).includes(saved ?? '') ? (saved as Theme) : 'system';
}

/** Keeps `theme` and shows it at once: `data-theme` on the root element, none for system. */
export function applyTheme(theme: Theme): void {
  window.localStorage.setItem(THEME_KEY, theme);
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

/**
 * Run inline before the page paints (see app/layout.tsx): sets the kept theme, so a page never
 * flashes light before turning dark.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t)}catch(e){}`;
