'use client';

import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '@model/export/exportFormats';
import type { SectionListItem } from '../workspace/useSectionList';
import { formatCount } from '../workspace/formatCount';
import { downloadExport } from './downloadExport';
import { SUGGESTION_FORMATS, TYPOGRAPHIC_FORMATS, exportUrl } from './exportUrl';
import { SidePanel } from '../workspace/SidePanel';

interface ExportPanelProps {
  manuscriptId: string;
  sections: SectionListItem[];
  onClose: () => void;
}

/**
 * Exports the book: choose a format, the whole book or some of its sections, and (for Standard
 * Manuscript Format) the typeface, then download. The file is made from the stored text, which
 * is at most a second behind the editor.
 */
export function ExportPanel({ manuscriptId, sections, onClose }: ExportPanelProps) {
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [scope, setScope] = useState<'book' | 'selection'>('book');
  const [chosen, setChosen] = useState<string[]>([]);
  const [font, setFont] = useState<'times' | 'courier'>('times');
  const [showSuggestions, setShowSuggestions] = useState(false);
  const [straightQuotes, setStraightQuotes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const selection = sections.filter((s) => chosen.includes(s.id)).map((s) => s.id);
  const ready = scope === 'book' || selection.length > 0;

  return (
    <SidePanel title="Export" name="export" closeLabel="export" onClose={onClose}>
      <h3>Format</h3>
      <fieldset className="choice-list">
        <legend className="visually-hidden">Format</legend>
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((key) => (
          <label key={key}>
            <input type="radio" name="export-format" value={key} checked={format === key} onChange={() => setFormat(key)} />
            {EXPORT_FORMATS[key].label}
          </label>
        ))}
      </fieldset>
      {format === 'smf' && (
        <>
          <h3>Typeface</h3>
          <fieldset className="choice-list">
            <legend className="visually-hidden">Typeface</legend>
            <label>
              <input type="radio" name="export-font" checked={font === 'times'} onChange={() => setFont('times')} /> Times New Roman
            </label>
            <label>
              <input type="radio" name="export-font" checked={font === 'courier'} onChange={() => setFont('courier')} /> Courier New
            </label>
          </fieldset>
        </>
      )}
      {SUGGESTION_FORMATS.includes(format) && (
        <>
          <h3>Suggestions</h3>
          <fieldset className="choice-list">
            <legend className="visually-hidden">Suggestions</legend>
            <label>
              <input type="radio" name="export-suggestions" checked={!showSuggestions} onChange={() => setShowSuggestions(false)} /> As accepted text (pending suggestions left out)
            </label>
            <label>
              <input type="radio" name="export-suggestions" checked={showSuggestions} onChange={() => setShowSuggestions(true)} /> With suggestions shown
              {format === 'docx' ? ' (as Word’s tracked changes)' : ''}
            </label>
          </fieldset>
        </>
      )}
      {TYPOGRAPHIC_FORMATS.includes(format) && (
        <>
          <h3>Quotation marks</h3>
          <fieldset className="choice-list">
            <legend className="visually-hidden">Quotation marks</legend>
            <label>
              <input type="radio" name="export-quotes" checked={!straightQuotes} onChange={() => setStraightQuotes(false)} /> Typographic (“curly”), in the book’s language
            </label>
            <label>
              <input type="radio" name="export-quotes" checked={straightQuotes} onChange={() => setStraightQuotes(true)} /> As typed (straight quotes kept)
            </label>
          </fieldset>
        </>
      )}
      <h3>What to export</h3>
      <fieldset className="choice-list">
        <legend className="visually-hidden">What to export</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'book'} onChange={() => setScope('book')} /> The whole book, front matter included
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'selection'} onChange={() => setScope('selection')} /> Chosen sections
        </label>
      </fieldset>
      {scope === 'selection' && (
        <ul className="export-sections" data-testid="export-sections">
          {sections.map((section) => (
            <li key={section.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(section.id)} onChange={() => toggle(section.id)} />
                {section.kind === 'chapter' ? `${section.chapterNumber}. ` : ''}
                {section.label} <span className="hint">{section.words === null ? '' : `${formatCount(section.words)} words`}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <p>
        {ready ? (
          <a
            className="primary-button"
            data-testid="export-download"
            href={exportUrl(manuscriptId, format, { sectionIds: scope === 'selection' ? selection : undefined, font, showSuggestions, straightQuotes })}
            download
            aria-disabled={busy}
            onClick={(event) => {
              event.preventDefault();
              if (busy) return;
              setBusy(true);
              setError(null);
              downloadExport(event.currentTarget.href)
                .catch((failure: Error) => setError(failure.message))
                .finally(() => setBusy(false));
            }}
          >
            {busy ? 'Preparing…' : `Download ${EXPORT_FORMATS[format].label}`}
          </a>
        ) : (
          <span className="hint">Choose at least one section.</span>
        )}
      </p>
      {error && (
        <p role="alert" className="form-error" data-testid="export-error">
          {error}
        </p>
      )}
    </SidePanel>
  );
}
