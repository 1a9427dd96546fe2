/** The export route, asked for a manuscript nobody can see: it answers 401 or 404 without exporting. */
const EXPORT_ROUTE_PATH = '/api/manuscripts/-/export?format=pdf';

/**
 * Has the app's server load the export route once it listens, by asking it for nothing: Next.js
 * loads a route's code on its first request, and the route warms the PDF exporter as it loads
 * (server/export/warmPdfExporter.ts). Without this, a writer's first export would load the route
 * and pay the exporter's one-time cost. `host` is the address the server listens on; failures
 * only mean the first export is slower, so they are not reported.
 */
export async function loadExportRoute(host: string, port: number): Promise<void> {
  const local = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  try {
    const response = await fetch(`http://${local}:${port}${EXPORT_ROUTE_PATH}`, { signal: AbortSignal.timeout(30_000) });
    await response.body?.cancel();
  } catch {
    // The server will load the route on the first real export instead.
  }
}
