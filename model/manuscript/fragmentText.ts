import * as Y from 'yjs';
import { markNames, nodeNames } from '../schema/names';

/**
 * The plain text of a Yjs XML element or fragment, one line per text block, as accepted so far:
 * text a pending suggestion proposes to add is left out (text proposed for deletion still counts,
 * until the deletion is accepted), and so are the zero-width markers suggestions leave. Reads the
 * Yjs types directly, so word counts stay cheap for sections that are not open in an editor.
 */
export function fragmentText(node: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  collectBlocks(node, lines);
  return lines.join('\n');
}

function collectBlocks(node: Y.XmlFragment | Y.XmlElement, lines: string[]): void {
  let inline = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert === 'string' && !op.attributes?.[markNames.insertion]) inline += op.insert.replaceAll('\u200B', '');
      }
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === nodeNames.hardBreak) inline += '\n';
      else collectBlocks(child, lines);
    }
  }
  if (inline) lines.push(inline);
}
