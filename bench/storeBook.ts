import type { PrismaClient } from '../server/generated/prisma/client';
import type { StoredBook } from './typedBook';

/** Stores a built book (its documents' states) as manuscript `id`, laid out in sections, owned by `ownerId`. */
export async function storeBook(prisma: PrismaClient, book: StoredBook, ownerId: string, id: string): Promise<string> {
  await prisma.manuscript.create({
    data: {
      id,
      title: book.title,
      wordCount: book.words,
      layout: 'sections',
      snapshots: { create: book.documents.map((document) => ({ docName: document.name, state: new Uint8Array(document.state), throughSeq: 0 })) },
      memberships: { create: { userId: ownerId, role: 'owner' } },
    },
  });
  return id;
}
