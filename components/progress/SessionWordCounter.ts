import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { countWords } from '@model/manuscript/countWords';

/** How long the count waits after the writer's last change before counting the section again (ms). */
const COUNT_AFTER_MS = 800;

const wordsIn = (doc: ProseMirrorNode) => countWords(doc.textBetween(0, doc.content.size, ' '));

/**
 * Counts the words the writer at this keyboard adds to (or removes from) one section's editor:
 * their own changes (undo and redo included) only, never a co-writer's arriving through the sync
 * server. It counts the section once the writer pauses, and when a co-writer's change lands while
 * some of theirs is still uncounted, so alone in a section a keystroke costs no count. Reports
 * each net change through `onWords`. Keystrokes typed into the served text before the editor
 * existed are not counted.
 */
export class SessionWordCounter {
  /** The section's words at the last count, if they are known since the last remote change. */
  private baseline: number | null = null;
  private pending = false;
  /** The section as the last change left it (still there to count once the editor is gone). */
  private latest: ProseMirrorNode | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly editor: Editor,
    private readonly onWords: (delta: number) => void,
  ) {
    editor.on('transaction', this.onTransaction);
  }

  private readonly onTransaction = ({ transaction }: { transaction: Transaction }) => {
    if (!transaction.docChanged) return;
    this.latest = transaction.doc;
    const sync = transaction.getMeta(ySyncPluginKey) as { isUndoRedoOperation?: boolean } | undefined;
    // The Yjs binding marks what arrives from co-writers (and the document arriving); the writer's
    // own undo and redo come back through it too, marked as such, and stay theirs.
    if (sync !== undefined && !sync.isUndoRedoOperation) {
      // A co-writer's change: settle ours against the text before it.
      if (this.pending) this.credit(wordsIn(transaction.before));
      this.baseline = null;
      return;
    }
    this.baseline ??= wordsIn(transaction.before);
    this.pending = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), COUNT_AFTER_MS);
  };

  /** Counts now whatever the writer changed since the last count. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending && this.latest) this.credit(wordsIn(this.latest));
  }

  private credit(words: number): void {
    const delta = words - (this.baseline ?? words);
    this.baseline = words;
    this.pending = false;
    if (delta !== 0) this.onWords(delta);
  }

  /** Counts what is pending and stops listening. */
  destroy(): void {
    this.flush();
    this.editor.off('transaction', this.onTransaction);
  }
}
