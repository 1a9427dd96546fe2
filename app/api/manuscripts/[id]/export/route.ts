import { z } from 'zod';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { HttpError } from '../../../../../server/http/HttpError';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { attachmentDisposition } from '../../../../../server/export/exportFileName';
import { EXPORT_FORMATS } from '@model/export/exportFormats';
import { manuscriptExporter } from '../../../../../server/export/manuscriptExporter';
import { warmPdfExporterSoon } from '../../../../../server/export/warmPdfExporter';

// The server loads this route as it starts: warm the PDF exporter then, not on a writer's first export.
warmPdfExporterSoon();

const formats = Object.keys(EXPORT_FORMATS) as [keyof typeof EXPORT_FORMATS, ...(keyof typeof EXPORT_FORMATS)[]];
const ExportQuery = z.object({
  format: z.enum(formats, { error: `Say which format: ?format=${formats.join('|')}.` }),
  sections: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : value.split(',').map((id) => id.trim()).filter(Boolean))),
  font: z.enum(['times', 'courier']).optional(),
  suggestions: z.enum(['accepted', 'shown'], { error: 'Say suggestions=accepted (the default) or suggestions=shown.' }).optional(),
  quotes: z.enum(['typographic', 'straight'], { error: 'Say quotes=typographic (the default) or quotes=straight.' }).optional(),
});

/**
 * GET /api/manuscripts/:id/export?format=pdf|docx|smf|epub|html|markdown[&sections=id,id][&font=courier][&suggestions=shown][&quotes=straight]:
 * the book, or the chosen sections, as a file download named from the title: the accepted text,
 * or for HTML and DOCX with pending suggestions shown (`<ins>`/`<del>`; Word's tracked changes). PDF and DOCX
 * print curly quotes unless `quotes=straight`. Any member may
 * export what they can read; anyone else gets 404.
 */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  const query = ExportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new HttpError(400, query.error.issues[0]?.message ?? 'Bad export request.');
  const { format, sections, font, suggestions, quotes } = query.data;
  const file = await manuscriptExporter(db, id, format, { sectionIds: sections, font, quotes, showSuggestions: suggestions === 'shown' });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Content-Length': String(file.bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
