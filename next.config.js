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
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg', 'ws', 'yjs', 'y-websocket', 'y-protocols', 'lib0', 'pdfkit', 'fontkit', 'hyphen', 'docx', 'mammoth', 'epub-gen-memory'],
  devIndicators: false,
  // No page of the app may be framed by another site (or another port of this host), where
  // clicks inside the frame would carry the writer's cookie and the app's own origin.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ];
  },
};

export default nextConfig;
