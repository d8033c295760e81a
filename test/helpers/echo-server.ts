import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the hostile server saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query, e.g. "/v8/token". */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  /** Sent as JSON unless a string (sent as it is). */
  body?: unknown;
}

export interface EchoServer {
  /** http://127.0.0.1:<port>: loopback, so plain HTTP needs no setting. */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A server that answers as `answer` says, typically quoting what it was sent: the hostile or
 * careless VB365 (or proxy) whose error text carries the request's credentials back.
 */
export async function startEchoServer(answer: (request: SeenRequest) => Answer): Promise<EchoServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((incoming, response) => {
    let body = "";
    incoming.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    incoming.on("end", () => {
      const seen = { method: incoming.method ?? "", path: incoming.url ?? "", headers: incoming.headers, body };
      requests.push(seen);
      const reply = answer(seen);
      const text = typeof reply.body === "string" ? reply.body : reply.body === undefined ? "" : JSON.stringify(reply.body);
      response.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A token answer the client accepts. */
export function tokenGranted(accessToken: string, refreshToken: string): Answer {
  return { status: 200, body: { access_token: accessToken, refresh_token: refreshToken, token_type: "bearer", expires_in: 3600 } };
}

/** The fields of a form body (the token route's). */
export function formFields(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
