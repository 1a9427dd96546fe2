'use client';

import { useState } from 'react';
import { addSectionEntry, removeSectionEntry } from '@model/manuscript/bookOperations';
import type { SectionKind } from '@model/manuscript/manuscriptJson';
import { moveSection } from '@model/manuscript/sectionOperations';
import type { ManuscriptConnection } from './useManuscriptConnection';
import type { SectionListItem } from './useSectionList';
import { formatCount } from './formatCount';
import { SectionExportMenu } from '../export/SectionExportMenu';
import { useWritingTargets } from '../progress/useWritingTargets';
import { SectionTargetBar } from '../progress/SectionTargetBar';

interface BinderProps {
  /** The open manuscript: the book holds the order, each section's document its title. */
  connection: ManuscriptConnection;
  manuscriptId: string;
  sections: SectionListItem[];
  activeId: string | null;
  onSelect: (sectionId: string) => void;
  /** Readers see the binder without its editing controls. */
  readOnly: boolean;
}

/**
 * The sidebar listing the book's sections in order with their word counts (and, for a section
 * with a word target, how far along it is). Writers add, rename,
 * reorder (drag, or the arrow buttons) and delete parts and chapters here; every change goes into
 * the shared document, so co-writers see it at once. Every part and chapter has its own export
 * menu, for readers too.
 */
export function Binder({ connection, manuscriptId, sections, activeId, onSelect, readOnly }: BinderProps) {
  const doc = connection.book;
  const targets = useWritingTargets(doc);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const chapters = sections.filter((s) => s.kind === 'chapter');
  // Parts and chapters move among each other; front matter stays in front.
  const body = sections.filter((s) => s.kind === 'chapter' || s.kind === 'part');
  const isBody = (kind: string) => kind === 'chapter' || kind === 'part';

  const moveChapter = (id: string, offset: -1 | 1) => {
    const index = body.findIndex((c) => c.id === id);
    const target = body[index + offset];
    if (!target) return;
    moveSection(doc, id, sections.findIndex((s) => s.id === target.id));
  };
  const dropOn = (targetId: string) => {
    if (!dragged || dragged === targetId) return;
    moveSection(doc, dragged, sections.findIndex((s) => s.id === targetId));
    setDragged(null);
  };
  const finishRename = (id: string, kind: SectionKind) => {
    void connection.sections.rename(doc, id, kind, draft.trim());
    setRenaming(null);
  };
  const add = (kind: SectionKind) => {
    const id = addSectionEntry(doc, kind, { afterId: body.at(-1)?.id });
    // Filled at once, online or not, so it opens in the editor straight away.
    connection.sections.create(id, kind);
    connection.sections.release(id);
    onSelect(id);
  };

  return (
    <nav id="binder" className="binder" aria-label="Binder" data-testid="binder">
      <ol className="binder-list">
        {sections.map((section) => (
          <li
            key={section.id}
            className={`binder-item${section.id === activeId ? ' is-active' : ''}`}
            data-testid="binder-item"
            data-section-id={section.id}
            data-kind={section.kind}
            draggable={!readOnly && isBody(section.kind) && renaming !== section.id}
            onDragStart={() => setDragged(section.id)}
            onDragOver={(event) => isBody(section.kind) && dragged && event.preventDefault()}
            onDrop={() => dropOn(section.id)}
          >
            {renaming === section.id ? (
              <form
                className="binder-rename"
                onSubmit={(event) => {
                  event.preventDefault();
                  finishRename(section.id, section.kind);
                }}
              >
                <input
                  autoFocus
                  aria-label={section.kind === 'part' ? 'Part title' : 'Chapter title'}
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  onBlur={() => finishRename(section.id, section.kind)}
                  onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
                />
              </form>
            ) : (
              <button type="button" className="binder-open" onClick={() => onSelect(section.id)}>
                {section.kind === 'chapter' && <span className="binder-number">{section.chapterNumber}</span>}
                {section.kind === 'part' && <span className="binder-number">§</span>}
                <span className="binder-label" data-testid="binder-label">
                  {section.label}
                </span>
                <span className="binder-words" data-testid="binder-words">
                  {section.words === null ? '…' : formatCount(section.words)}
                </span>
                <SectionTargetBar words={section.words} target={targets.section(section.id)} />
              </button>
            )}
            {isBody(section.kind) && renaming !== section.id && (
              <SectionExportMenu manuscriptId={manuscriptId} sectionId={section.id} label={section.label} />
            )}
            {!readOnly && isBody(section.kind) && renaming !== section.id && (
              <span className="binder-actions">
                <button type="button" aria-label={`Move ${section.label} up`} onClick={() => moveChapter(section.id, -1)} disabled={body[0]?.id === section.id}>
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${section.label} down`}
                  onClick={() => moveChapter(section.id, 1)}
                  disabled={body.at(-1)?.id === section.id}
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
                  disabled={section.kind === 'chapter' && chapters.length === 1}
                  onClick={() => {
                    if (window.confirm(`Delete “${section.label}” (${formatCount(section.words ?? 0)} words)? Co-writers will see it removed.`)) {
                      removeSectionEntry(doc, section.id);
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
        <div className="binder-adds">
          <button type="button" className="binder-add" onClick={() => add('chapter')}>
            + Add chapter
          </button>
          <button type="button" className="binder-add" onClick={() => add('part')}>
            + Add part
          </button>
        </div>
      )}
    </nav>
  );
}
