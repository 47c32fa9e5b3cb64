/** A real HTTP server on 127.0.0.1 for the client's tests, counting every connection and request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface LocalServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Requests fully received, in order. */
  requests: ReceivedRequest[];
  /** TCP connections accepted (a refused request must not even open one). */
  connections: number;
  /** Resolves when a socket the server accepted has closed. */
  socketClosed(): Promise<void>;
  close(): Promise<void>;
}

export type Handler = (req: ReceivedRequest, res: ServerResponse, server: LocalServer) => void;

/** Starts a server on 127.0.0.1, port 0; `handler` runs once the request body has been read. */
export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const closeWaiters: Array<() => void> = [];
  const server: Server = createServer();
  const state: LocalServer = {
    port: 0,
    origin: '',
    requests: [],
    connections: 0,
    socketClosed: () => new Promise<void>((resolve) => closeWaiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      for (const resolve of closeWaiters.splice(0)) resolve();
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      state.requests.push(received);
      handler(received, res, state);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}
