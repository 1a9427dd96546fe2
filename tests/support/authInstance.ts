/**
 * One instance of the app's accounts endpoints in a process of its own, for tests that run
 * several instances side by side: better-auth's handler from `createAuth` on DATABASE_URL, served
 * under /api/auth/ behind the same front as the app's (`server/web/main.ts`), which decides who
 * the client is from the connection and believes forwarding headers only from TRUSTED_PROXIES.
 * Listens on 127.0.0.1 on a free port and prints `auth instance listening on port N`.
 *
 * Run with `node --import tsx tests/support/authInstance.ts`; the environment is the app's
 * (DATABASE_URL, BETTER_AUTH_SECRET, BETTER_AUTH_URL, TRUSTED_PROXIES, AUTH_RATE_LIMIT).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from 'better-auth/node';
import { createAuth } from '../../server/auth/createAuth';
import { createPrismaClient } from '../../server/createPrismaClient';
import { trustedProxies } from '../../server/config/trustedProxies';
import { proxyMatcher } from '../../server/web/proxyMatcher';
import { applyHeaderChanges, forwardingHeaders } from '../../server/web/forwardingHeaders';

const handleAuth = toNodeHandler(createAuth(createPrismaClient()));
const isTrustedProxy = proxyMatcher(trustedProxies());

const server = http.createServer((request, response) => {
  // What the app's front does before Next.js, and so before better-auth, sees the request.
  applyHeaderChanges(request.headers, forwardingHeaders(request.socket.remoteAddress, request.headers, isTrustedProxy));
  if (!request.url?.startsWith('/api/auth/')) {
    response.writeHead(404).end();
    return;
  }
  handleAuth(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.listen(0, '127.0.0.1', () => console.log(`auth instance listening on port ${(server.address() as AddressInfo).port}`));
