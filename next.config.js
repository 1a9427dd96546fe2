/**
 * Next.js configuration. The database driver is native code, and the export and import libraries
 * read their own data files (fonts, font metrics, templates) from disk, so they are loaded from
 * node_modules at run time instead of being bundled. Yjs and its companions are loaded the same way
 * so that every route shares one copy of yjs (two copies break its constructor checks).
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'ws', 'yjs', 'y-websocket', 'y-protocols', 'lib0', 'pdfkit', 'docx', 'mammoth', 'epub-gen-memory'],
  devIndicators: false,
};

export default nextConfig;
