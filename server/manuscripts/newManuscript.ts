import type { ManuscriptJson } from '../../components/manuscript/manuscriptJson';
import { emptySection } from '../../components/manuscript/emptySection';
import { newId } from '../../components/manuscript/newId';

/** A new, empty manuscript: its title, an empty dedication, one empty epigraph and Chapter 1. */
export function newManuscript(title: string): ManuscriptJson {
  return {
    title,
    sections: [
      { id: newId(), kind: 'dedication', content: emptySection('dedication') },
      { id: newId(), kind: 'epigraphs', content: emptySection('epigraphs') },
      { id: newId(), kind: 'chapter', content: emptySection('chapter') },
    ],
  };
}
