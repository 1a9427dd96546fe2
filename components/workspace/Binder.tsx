'use client';

import { useState } from 'react';
import type * as Y from 'yjs';
import { addSection, deleteSection, moveSection } from '../manuscript/sectionOperations';
import { renameChapter } from '../manuscript/sectionTitle';
import type { SectionListItem } from './useSectionList';
import { formatCount } from './formatCount';

interface BinderProps {
  doc: Y.Doc;
  sections: SectionListItem[];
  activeId: string | null;
  onSelect: (sectionId: string) => void;
  /** Readers see the binder without its editing controls. */
  readOnly: boolean;
}

/**
 * The sidebar listing the book's sections in order with their word counts. Writers add, rename,
 * reorder (drag, or the arrow buttons) and delete chapters here; every change goes into the
 * shared document, so co-writers see it at once.
 */
export function Binder({ doc, sections, activeId, onSelect, readOnly }: BinderProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const chapters = sections.filter((s) => s.kind === 'chapter');

  const moveChapter = (id: string, offset: -1 | 1) => {
    const index = chapters.findIndex((c) => c.id === id);
    const target = chapters[index + offset];
    if (!target) return;
    moveSection(doc, id, sections.findIndex((s) => s.id === target.id));
  };
  const dropOn = (targetId: string) => {
    if (!dragged || dragged === targetId) return;
    moveSection(doc, dragged, sections.findIndex((s) => s.id === targetId));
    setDragged(null);
  };
  const finishRename = (id: string) => {
    renameChapter(doc, id, draft.trim());
    setRenaming(null);
  };

  return (
    <nav className="binder" aria-label="Binder" data-testid="binder">
      <ol className="binder-list">
        {sections.map((section) => (
          <li
            key={section.id}
            className={`binder-item${section.id === activeId ? ' is-active' : ''}`}
            data-testid="binder-item"
            data-section-id={section.id}
            data-kind={section.kind}
            draggable={!readOnly && section.kind === 'chapter' && renaming !== section.id}
            onDragStart={() => setDragged(section.id)}
            onDragOver={(event) => section.kind === 'chapter' && dragged && event.preventDefault()}
            onDrop={() => dropOn(section.id)}
          >
            {renaming === section.id ? (
              <form
                className="binder-rename"
                onSubmit={(event) => {
                  event.preventDefault();
                  finishRename(section.id);
                }}
              >
                <input
                  autoFocus
                  aria-label="Chapter title"
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  onBlur={() => finishRename(section.id)}
                  onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
                />
              </form>
            ) : (
              <button type="button" className="binder-open" onClick={() => onSelect(section.id)}>
                {section.kind === 'chapter' && <span className="binder-number">{section.chapterNumber}</span>}
                <span className="binder-label" data-testid="binder-label">
                  {section.label}
                </span>
                <span className="binder-words" data-testid="binder-words">
                  {section.words === null ? '…' : formatCount(section.words)}
                </span>
              </button>
            )}
            {!readOnly && section.kind === 'chapter' && renaming !== section.id && (
              <span className="binder-actions">
                <button type="button" aria-label={`Move ${section.label} up`} onClick={() => moveChapter(section.id, -1)} disabled={section.chapterNumber === 1}>
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${section.label} down`}
                  onClick={() => moveChapter(section.id, 1)}
                  disabled={section.chapterNumber === chapters.length}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`Rename ${section.label}`}
                  onClick={() => {
                    setDraft(section.title);
                    setRenaming(section.id);
                  }}
                >
                  ✎
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${section.label}`}
                  disabled={chapters.length === 1}
                  onClick={() => {
                    if (window.confirm(`Delete “${section.label}” (${formatCount(section.words ?? 0)} words)? Co-writers will see it removed.`)) {
                      deleteSection(doc, section.id);
                    }
                  }}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
      <button
        type="button"
        className="binder-add"
        onClick={() => onSelect(addSection(doc, 'chapter', { afterId: chapters.at(-1)?.id }))}
      >
        + Add chapter
      </button>
      )}
    </nav>
  );
}
