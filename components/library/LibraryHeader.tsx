'use client';

import { IdentityPicker } from '../identity/IdentityPicker';
import { useWriterColor } from '../identity/useWriterColor';
import { SignOutButton } from '../auth/SignOutButton';

/** The library's header: the app's name, who is signed in (with their caret colour), sign out. */
export function LibraryHeader({ name, color: servedColor }: { name: string; color: string }) {
  const [color, setColor] = useWriterColor(servedColor);
  return (
    <header className="library-header">
      <h1>Quire</h1>
      <div className="library-account">
        <IdentityPicker name={name} color={color} onColor={setColor} />
        <SignOutButton />
      </div>
    </header>
  );
}
