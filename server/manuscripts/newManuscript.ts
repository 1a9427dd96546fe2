import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { emptySection } from '@model/manuscript/emptySection';
import { newId } from '@model/manuscript/newId';

/** A new, empty manuscript: its title and language, an empty dedication, one empty epigraph and Chapter 1. */
export function newManuscript(title: string, language?: string): ManuscriptJson {
  return {
    title,
    ...(language ? { language } : {}),
    sections: [
      { id: newId(), kind: 'dedication', content: emptySection('dedication') },
      { id: newId(), kind: 'epigraphs', content: emptySection('epigraphs') },
      { id: newId(), kind: 'chapter', content: emptySection('chapter') },
    ],
  };
}
