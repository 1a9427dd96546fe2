import { readSectionStats, sectionStatsMap } from '@model/manuscript/bookDocument';
import { sectionsMap } from '@model/manuscript/manuscriptLayout';
import { measureSection } from '@model/manuscript/sectionDocument';
import { SERVER_ORIGIN, type Room } from './Room';

/**
 * How long a section's changes are gathered before its word count in the book is refreshed (ms).
 * Counting reads the whole section: every 2 s while someone types keeps the binder current
 * without the count taking a share of the thread that relays keystrokes.
 */
export const SECTION_STATS_DELAY_MS = 2000;

/**
 * Keeps a section's title and word count in its book document current while the section's room
 * is loaded, so the binder of every co-writer draws the whole book from the book document alone.
 * Measures at most every {@link SECTION_STATS_DELAY_MS}, once on load (repairing a count a crash
 * left stale) and once on unload, and writes only when something changed, as the server's own
 * change. A section no longer in the book gets no stats back.
 */
export class SectionStatsKeeper {
  private timer: NodeJS.Timeout | null = null;
  private readonly onUpdate = () => this.schedule();

  constructor(
    private readonly section: Room,
    private readonly book: Room,
    private readonly delayMs = SECTION_STATS_DELAY_MS,
  ) {
    section.doc.on('update', this.onUpdate);
    this.refresh();
  }

  /** Writes the final count and stops observing the section. */
  stop(): void {
    this.section.doc.off('update', this.onUpdate);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.refresh();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, this.delayMs);
  }

  private refresh(): void {
    const id = this.section.docName;
    if (!sectionsMap(this.book.doc).has(id)) return;
    const stats = measureSection(this.section.doc);
    const held = readSectionStats(this.book.doc, id);
    if (held && held.title === stats.title && held.words === stats.words) return;
    this.book.doc.transact(() => sectionStatsMap(this.book.doc).set(id, stats), SERVER_ORIGIN);
  }
}
