import type { SectionKind } from '../manuscript/manuscriptJson';

/** A piece of a compared block: text with its formatting, inserted, deleted, or the same. */
export interface DiffPart {
  text: string;
  marks: string[];
  change?: 'inserted' | 'deleted';
}

/** One block in a comparison. `formatted`: same words, different formatting. */
export interface BlockDiff {
  type: string;
  status: 'same' | 'inserted' | 'deleted' | 'changed' | 'formatted';
  parts: DiffPart[];
}

/** One section in a comparison. A moved section keeps its status for its text and is flagged `moved`. */
export interface SectionDiff {
  id: string;
  kind: SectionKind;
  label: string;
  status: 'same' | 'added' | 'removed' | 'changed';
  moved: boolean;
  /** The section's label in the older version, when its own title changed (a new number alone is no rename). */
  renamedFrom?: string;
  added: number;
  removed: number;
  blocks: BlockDiff[];
  /**
   * Comment threads whose passage was marked (`added`) or lost its mark (`removed`) between the
   * two versions, with the marked text: comment changes, not text changes. Absent when none.
   */
  comments?: { added: CommentChange[]; removed: CommentChange[] };
  /**
   * Suggestions pending in the newer version and not the older (`added`), and pending in the
   * older and gone from the newer (`settled`, with their outcome; what an accepted one changed
   * shows in the blocks, which compare the accepted text; the history credits its words to its
   * author, who typed them). Absent when none.
   */
  suggestions?: { added: SuggestionChange[]; settled: SuggestionChange[] };
}

/** A suggestion that appeared or was settled between two versions: by whom, adding and removing what. */
export interface SuggestionChange {
  id: string;
  authorId: string | null;
  /** The author's name, filled in by the compare route (null for someone no longer known). */
  authorName?: string | null;
  inserted: string;
  deleted: string;
  /** For a settled suggestion: whether it was accepted or rejected (read from the accepted text of both versions). */
  outcome?: 'accepted' | 'rejected';
  /** Who accepted or rejected it, where that was recorded (null: an account since deleted). */
  settledBy?: string | null;
}

/** A comment thread's passage that appeared or went between two versions. */
export interface CommentChange {
  threadId: string;
  quote: string;
}

/** Two versions of a manuscript compared (the compare route's answer): the book's title, then every section of either version. */
export interface ManuscriptDiff {
  title: { from: string; to: string };
  sections: SectionDiff[];
  added: number;
  removed: number;
}
