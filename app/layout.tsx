import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { THEME_SCRIPT } from '../components/theme/theme';

export const metadata: Metadata = {
  title: 'Quire',
  description: 'Co-write your novel in real time.',
};

/** The root layout: every page is a manuscript page or the library. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme is set by the inline script before the first paint, so React finds the root's
    // data-theme already there.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
