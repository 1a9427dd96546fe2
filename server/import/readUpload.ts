import { HttpError } from '../http/HttpError';
import { IMPORT_SIZE_LIMIT, type UploadedFile } from './importFile';

/** An upload form: the file and the form's other fields. */
export interface UploadForm {
  file: UploadedFile;
  fields: Map<string, string>;
}

/**
 * Reads a multipart upload with its file in the field `file`. Refuses a body far over the import
 * limit before reading it (413), and a request without a file (400), with messages for the writer.
 */
export async function readUpload(request: Request): Promise<UploadForm> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  // Multipart framing adds a little; anything well beyond the limit is refused unread.
  if (declared > IMPORT_SIZE_LIMIT + 64 * 1024) {
    throw new HttpError(413, `The file is larger than the ${IMPORT_SIZE_LIMIT / 1024 / 1024} MB import limit.`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new HttpError(400, 'Send the file as multipart/form-data, in a field named "file".');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new HttpError(400, 'Choose a file to import.');
  const fields = new Map<string, string>();
  for (const [key, value] of form.entries()) if (typeof value === 'string') fields.set(key, value);
  return { file: { name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) }, fields };
}
