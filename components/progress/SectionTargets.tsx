'use client';

import { useState } from 'react';
import type * as Y from 'yjs';
import { setSectionTarget, targetWords } from '@model/progress/writingTargets';
import type { SectionListItem } from '../workspace/useSectionList';
import { formatCount } from '../workspace/formatCount';
import type { WritingTargets } from './useWritingTargets';

/**
 * Each chapter's words against its own target (shown in the binder too); owners and editors set
 * or clear a chapter's target here (an empty field clears it).
 */
export function SectionTargets({ book, sections, targets, editable }: { book: Y.Doc; sections: SectionListItem[]; targets: WritingTargets; editable: boolean }) {
  const chapters = sections.filter((s) => s.kind === 'chapter');
  return (
    <table className="section-targets" data-testid="section-targets">
      <caption className="visually-hidden">Each chapter’s words and target</caption>
      <thead>
        <tr>
          <th scope="col">Chapter</th>
          <th scope="col">Words</th>
          <th scope="col">Target</th>
        </tr>
      </thead>
      <tbody>
        {chapters.map((chapter) => (
          <tr key={chapter.id}>
            <th scope="row">{chapter.label}</th>
            <td>{chapter.words === null ? '…' : formatCount(chapter.words)}</td>
            <td>
              {editable ? (
                <SectionTargetInput label={chapter.label} target={targets.section(chapter.id)} onSet={(words) => setSectionTarget(book, chapter.id, words)} />
              ) : targets.section(chapter.id) === null ? (
                '–'
              ) : (
                formatCount(targets.section(chapter.id)!)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One chapter's target field: kept when the writer leaves it or presses Enter. */
function SectionTargetInput({ label, target, onSet }: { label: string; target: number | null; onSet: (words: number | null) => void }) {
  const [draft, setDraft] = useState(target === null ? '' : String(target));
  const [invalid, setInvalid] = useState(false);
  const [editing, setEditing] = useState(false);
  // A co-writer's change shows at once, unless this writer is typing in the field.
  const [shown, setShown] = useState(target);
  if (shown !== target) {
    setShown(target);
    if (!editing) setDraft(target === null ? '' : String(target));
  }
  const commit = () => {
    if (draft.trim() === '') {
      setInvalid(false);
      if (target !== null) onSet(null);
      return;
    }
    const words = targetWords(draft);
    setInvalid(words === undefined);
    if (words !== undefined && words !== target) onSet(words);
  };
  return (
    <>
      <input
        className="section-target-input"
        inputMode="numeric"
        aria-label={`Target for ${label} (words)`}
        aria-invalid={invalid}
        value={draft}
        placeholder="–"
        onChange={(event) => setDraft(event.target.value)}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          commit();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {invalid && (
        <span className="field-error" role="alert">
          A whole number of words
        </span>
      )}
    </>
  );
}
