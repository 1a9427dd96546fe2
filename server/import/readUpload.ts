import { HttpError } from '../http/HttpError';
import { mediaType } from '../http/mediaType';
import { IMPORT_SIZE_LIMIT, type UploadedFile } from './importFile';

/** An upload form: the file and the form's other fields. */
export interface UploadForm {
  file: UploadedFile;
  fields: Map<string, string>;
}

/**
 * Reads a multipart upload with its file in the field `file`. Refuses any other content type
 * (415), a body far over the import limit before reading it (413), and a request without a file
 * (400), with messages for the writer.
 */
export async function readUpload(request: Request): Promise<UploadForm> {
  if (mediaType(request) !== 'multipart/form-data') throw new HttpError(415, 'Send the file as multipart/form-data, in a field named "file".');
  const declared = Number(request.headers.get('content-length') ?? 0);
  // Multipart framing adds a little; anything well beyond the limit is refused unread.
  if (declared > IMPORT_SIZE_LIMIT + 64 * 1024) {
    throw new HttpError(413, `The file is larger than the ${IMPORT_SIZE_LIMIT / 1024 / 1024} MB import limit.`);
  }
  let form: FormData;
  try {
    // Counted as it arrives: a body without a declared length is cut off at the limit too.
    const body = await readCapped(request, IMPORT_SIZE_LIMIT + 64 * 1024);
    form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'Send the file as multipart/form-data, in a field named "file".');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new HttpError(400, 'Choose a file to import.');
  const fields = new Map<string, string>();
  for (const [key, value] of form.entries()) if (typeof value === 'string') fields.set(key, value);
  return { file: { name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) }, fields };
}

/** Reads a request body, refusing it (413) as soon as it passes `limit` bytes. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new HttpError(413, `The file is larger than the ${IMPORT_SIZE_LIMIT / 1024 / 1024} MB import limit.`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
