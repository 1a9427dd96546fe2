/**
 * Next.js calls `register` once when the app's server starts. In production it schedules the PDF
 * exporter's warm-up (server/export/warmPdfExporter.ts) a moment after start, so the one-time
 * cost of a process's first PDF is paid here rather than by the first writer who exports.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  const { warmPdfExporter } = await import('./server/export/warmPdfExporter');
  // After start-up, not during it: the server answers its first requests without waiting on this.
  setTimeout(() => {
    warmPdfExporter()
      .then((ms) => console.log(`PDF exporter warmed up in ${Math.round(ms)} ms`))
      .catch((error: unknown) => console.warn(`The PDF exporter's warm-up failed (exports still work, the first one is slower): ${(error as Error).message}`));
  }, 2000).unref();
}
