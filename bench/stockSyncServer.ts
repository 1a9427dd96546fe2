/**
 * The baseline for propagation: the stock @y/websocket-server (no persistence, no auth) on a
 * free port, in its own process. Prints `listening on port N`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_request, response) => response.end('stock'));
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request)));
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on port ${(server.address() as AddressInfo).port}\n`));
