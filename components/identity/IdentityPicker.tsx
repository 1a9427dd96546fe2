'use client';

import { useState } from 'react';
import { WRITER_COLORS } from './writerIdentity';
import { useWriterIdentity } from './useWriterIdentity';

/** Lets a writer choose the name and colour co-writers see next to their caret. */
export function IdentityPicker() {
  const [identity, saveIdentity] = useWriterIdentity();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  if (!identity) return null;

  if (!editing) {
    return (
      <button
        type="button"
        className="identity-chip"
        data-testid="identity-chip"
        onClick={() => {
          setName(identity.name);
          setEditing(true);
        }}
        title="Change the name and colour co-writers see"
      >
        <span className="identity-dot" style={{ background: identity.color }} />
        {identity.name}
      </button>
    );
  }

  return (
    <form
      className="identity-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) saveIdentity({ name, color: identity.color });
        setEditing(false);
      }}
    >
      <label>
        Your name
        <input autoFocus value={name} maxLength={40} onChange={(event) => setName(event.target.value)} aria-label="Your name" />
      </label>
      <div className="identity-colors" role="radiogroup" aria-label="Caret colour">
        {WRITER_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={identity.color === color}
            aria-label={`Colour ${color}`}
            className="identity-color"
            style={{ background: color }}
            onClick={() => saveIdentity({ name: name.trim() || identity.name, color })}
          />
        ))}
      </div>
      <button type="submit">Done</button>
    </form>
  );
}
