/** The request's declared media type, lowercase and without parameters (`multipart/form-data`), or ''. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}
