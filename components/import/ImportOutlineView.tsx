import type { ImportOutline } from '@model/api/importOutline';
import { numberSections } from '@model/manuscript/sectionNumbering';
import { formatCount } from '../workspace/formatCount';

interface ImportOutlineViewProps {
  outline: ImportOutline;
  /** When appending: how many chapters and parts the book has already, so labels say where sections land. */
  after?: { chapters: number; parts: number };
}

/** The structure an import detected, section by section, for the writer to check before confirming. */
export function ImportOutlineView({ outline, after }: ImportOutlineViewProps) {
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
        </li>
      ))}
    </ol>
  );
}
