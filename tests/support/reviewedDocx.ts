import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';

/** When the review's changes and comment were made. */
export const REVIEW_DATE = '2026-11-30T09:15:00Z';
const DATE = REVIEW_DATE;

/** A Word document with a heading, a tracked insertion and deletion by Jane, and Tom's comment across two paragraphs. */
export async function reviewedDocx(): Promise<Uint8Array> {
  const document = new Document({
    comments: { children: [{ id: 0, author: 'Tom Reed', date: new Date(DATE), children: [new Paragraph({ children: [new TextRun('Too quiet here.')] }), new Paragraph({ children: [new TextRun('Add a sound?')] })] }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Reviewed')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('The Lot')] }),
          new Paragraph({
            children: [
              new TextRun('The rain fell'),
              new InsertedTextRun({ text: ' hard', id: 1, author: 'Jane Doe', date: DATE }),
              new TextRun(' on the lot'),
              new DeletedTextRun({ text: ' all night', id: 2, author: 'Jane Doe', date: DATE }),
              new TextRun('. '),
              new CommentRangeStart(0),
              new TextRun('Nobody came.'),
            ],
          }),
          new Paragraph({ children: [new TextRun('Morning did.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

