/**
 * The app's HTTP server: Next.js behind a thin front that decides who the client is before the
 * app sees the request (see forwardingHeaders). `npm start` and `npm run dev` (with --dev) start
 * it through scripts/start.ts, the end-to-end tests directly. Listens on PORT (3000) and HOST
 * (0.0.0.0); TRUSTED_PROXIES lists the reverse proxies whose forwarding headers are believed.
 */
import http from 'node:http';
import '../config/loadEnv';
import { trustedProxies } from '../config/trustedProxies';
import { announcedAppUrl } from '../config/appUrl';
import { proxyMatcher, type ProxyMatcher } from './proxyMatcher';
import { applyHeaderChanges, forwardingHeaders } from './forwardingHeaders';
import { loadExportRoute } from './loadExportRoute';

const dev = process.argv.includes('--dev');
// Next.js reads NODE_ENV when it loads, as `next start` and `next dev` would have set it.
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' });
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

const isTrustedProxy = loadProxyMatcher();

const { default: next } = await import('next');
const server = http.createServer();
const app = next({ dev, dir: process.cwd(), hostname: new URL(announcedAppUrl()).hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
  applyHeaderChanges(request.headers, forwardingHeaders(request.socket.remoteAddress, request.headers, isTrustedProxy));
  handle(request, response).catch((error: unknown) => {
    // Next.js answers its own errors; this is only for one escaping it, which must not stop the server.
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.on('error', (error) => {
  console.error(`The app could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`App listening on ${announcedAppUrl()}`);
  if (!dev) void loadExportRoute(host, port);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/** The trusted proxies from TRUSTED_PROXIES; a bad entry stops the server with the reason. */
function loadProxyMatcher(): ProxyMatcher {
  try {
    return proxyMatcher(trustedProxies());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
