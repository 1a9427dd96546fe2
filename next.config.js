/**
 * Next.js configuration. The database driver is native code, so it is loaded from node_modules
 * at run time instead of being bundled.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'ws'],
  devIndicators: false,
};

export default nextConfig;
