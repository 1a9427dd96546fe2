/** A title from a file's name when the file states none: "the-long-road_v2.docx" → "the long road v2". */
export function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const spaced = base.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return spaced.slice(0, 200) || 'Untitled manuscript';
}
