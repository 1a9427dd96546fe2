import { useState } from 'react';
import type { ImportCorrection, ImportOutline } from '@model/api/importOutline';
import type { SectionKind } from '@model/manuscript/manuscriptJson';
import { numberSections } from '@model/manuscript/sectionNumbering';
import { formatCount } from '../workspace/formatCount';

interface ImportOutlineViewProps {
  outline: ImportOutline;
  /** When appending: how many chapters and parts the book has already, so labels say where sections land. */
  after?: { chapters: number; parts: number };
  /** Asks for a fix to what was detected; without it the outline is read-only. */
  onCorrect?: (correction: ImportCorrection) => void;
  /** A preview is being read: the controls wait. */
  busy?: boolean;
}

const KIND_NAMES: Array<[SectionKind | 'text', string]> = [
  ['dedication', 'Dedication'],
  ['epigraphs', 'Epigraphs'],
  ['part', 'Part'],
  ['chapter', 'Chapter'],
  ['text', 'Text of the section before'],
];

/**
 * Where a chapter may be split: its text blocks after the first, each by its first words, listed
 * only once opened (a file read as one long chapter has thousands).
 */
function SplitChooser({ blocks, busy, onSplit }: { blocks: string[]; busy: boolean; onSplit: (block: number) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="import-split" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Split…</summary>
      {open && (
        <ol>
          {blocks.slice(1).map((opening, at) => (
            <li key={at}>
              <button type="button" className="link-button" disabled={busy} onClick={() => onSplit(at + 1)}>
                New chapter here
              </button>{' '}
              “{opening}…”
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** The structure an import detected, section by section, for the writer to check before confirming. */
export function ImportOutlineView({ outline, after, onCorrect, busy = false }: ImportOutlineViewProps) {
  // Numbered as they will stand: after the book's own chapters and parts when appending.
  const numbering = numberSections(outline.sections, after);
  return (
    <ol className="import-outline" data-testid="import-outline">
      {outline.sections.map((section, index) => (
        <li key={index} data-kind={section.kind} data-testid="import-section">
          <span className="import-label">
            {numbering[index].numberLabel}
            {section.title && `: ${section.title}`}
          </span>
          {section.subtitle && <span className="import-subtitle"> — {section.subtitle}</span>}
          <span className="hint">
            {' '}
            {formatCount(section.words)} words
            {section.epigraphs > 0 && ` · ${section.epigraphs} epigraph${section.epigraphs === 1 ? '' : 's'}`}
            {section.sceneHeadings.length > 0 && ` · ${section.sceneHeadings.length} scene heading${section.sceneHeadings.length === 1 ? '' : 's'}`}
            {section.sceneBreaks > 0 && ` · ${section.sceneBreaks} scene break${section.sceneBreaks === 1 ? '' : 's'}`}
          </span>
          {section.sceneHeadings.length > 0 && <span className="import-scenes">{section.sceneHeadings.join(' · ')}</span>}
          {section.opening && <span className="import-opening">“{section.opening}…”</span>}
          {onCorrect && (
            <span className="import-corrections">
              <label>
                Kind{' '}
                <select
                  value={section.kind}
                  disabled={busy}
                  aria-label={`Kind of section ${index + 1}`}
                  onChange={(event) => onCorrect({ op: 'kind', section: index, kind: event.target.value as SectionKind | 'text' })}
                >
                  {KIND_NAMES.map(([kind, name]) => (
                    <option key={kind} value={kind} disabled={kind === 'text' && index === 0}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>{' '}
              {index < outline.sections.length - 1 && (
                <button type="button" className="link-button" disabled={busy} onClick={() => onCorrect({ op: 'merge', section: index })}>
                  Merge with the next
                </button>
              )}
              {section.blocks.length > 1 && <SplitChooser blocks={section.blocks} busy={busy} onSplit={(block) => onCorrect({ op: 'split', section: index, block })} />}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
