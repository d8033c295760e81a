import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { handleControl, isControlPath } from "./control";
import type { Controller } from "./controller";
import { ApiError, bodyTooLarge, exceptionInfo, injectedFault, internalError, unauthorized } from "./errors";
import { faultMessage, type FaultView } from "./faults";
import type { HostPolicy } from "./host-policy";
import { declaresTooLarge, MAX_BODY_BYTES, mediaKind, parseFormBody, readBody, type Reply } from "./http";
import { parseLenientJson } from "./lenient-json";
import { redactExchange } from "./redact";
import { refusalBeforeBody, refusalOfControlBody } from "./request-guard";
import type { RequestLogEntry } from "./request-log";
import type { Router, RouteMatch } from "./router";
import type { TlsMaterial } from "./tls";
import type { ApiVersion } from "./versions";

export interface PipelineOptions {
  controller: Controller;
  router: Router;
  /** The Host names requests may carry (DNS rebinding); checked before anything else. */
  hosts: HostPolicy;
  /** Keep request and response bodies in the request log (for contract tests). */
  recordBodies: boolean;
  /** One line per request; the CLI points it at stderr. */
  logger: ((line: string) => void) | undefined;
  onRequest: ((entry: RequestLogEntry) => void) | undefined;
}

/** The request pipeline: the guard (Host, Origin, size), control routes, then faults, auth, the route, the request log. */
export function createHandler(options: PipelineOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      options.logger?.(`emulator: unhandled error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) send(res, { status: 500, body: { message: "Unhandled emulator error." } });
      else res.destroy();
    });
  };
}

async function handle(options: PipelineOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const { controller, router } = options;
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const control = isControlPath(url.pathname);
  const { rawBody, refusal } = await admit(req, res, options.hosts, control);
  if (control) {
    send(res, refusal ? { status: refusal.status, body: { message: refusal.message }, headers: { ...refusal.headers } } : handleControl(controller, method, url.pathname, rawBody, url.searchParams));
    return;
  }

  const lookup = router.lookup(method, url.pathname);
  const match = "match" in lookup ? lookup.match : undefined;
  const version = "match" in lookup ? lookup.match.version : lookup.version;
  const errorVersion: ApiVersion = version ?? controller.store.servedVersions[controller.store.servedVersions.length - 1] ?? "v8";
  // A refused request never reached the server's routes, so no fault applies to it.
  const fault = refusal ? undefined : controller.faultSet.take({ method, version, template: match?.template, kind: match?.route.kind });
  const record = (status: number, user: string | null, reply: Reply | undefined, action?: NonNullable<RequestLogEntry["fault"]>["action"]) => {
    const entry = controller.log.record({
      at: new Date(controller.store.now()).toISOString(),
      method,
      path: url.pathname,
      query: url.search.slice(1),
      version: version ?? null,
      route: match?.template ?? null,
      routeKey: `${method} ${match?.template ?? url.pathname}`,
      kind: match?.route.kind ?? "unmatched",
      status,
      user,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      fault: fault ? { id: fault.id, action: action ?? "latency" } : null,
      ...(options.recordBodies ? bodies(rawBody, req.headers["content-type"], reply) : {}),
    });
    options.onRequest?.(entry);
    options.logger?.(`${entry.method} ${entry.path}${entry.query ? `?${entry.query}` : ""} -> ${status || "reset"} (${entry.durationMs} ms)${entry.fault ? ` [fault ${entry.fault.action}]` : ""}`);
  };

  if (refusal) {
    const reply = errorReply(refusal, errorVersion);
    send(res, reply);
    record(reply.status, null, reply);
    return;
  }
  if (fault?.latencyMs) await delay(fault.latencyMs);
  if (fault?.reset === "before") {
    reset(res);
    record(0, null, undefined, "reset-before");
    return;
  }
  let reply: Reply;
  let user: string | null = null;
  if (fault?.status !== undefined) {
    reply = errorReply(faultError(fault, fault.status), errorVersion);
  } else {
    try {
      if ("error" in lookup) throw lookup.error;
      const result = dispatch(controller, lookup.match, req, url, rawBody);
      reply = result.reply;
      user = result.user;
    } catch (error) {
      reply = errorReply(error instanceof ApiError ? error : internalError(error), errorVersion);
      if (!(error instanceof ApiError)) options.logger?.(`emulator: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  if (fault?.reset === "after") {
    reset(res);
    record(0, user, undefined, "reset-after");
    return;
  }
  send(res, reply);
  record(reply.status, user, reply, fault?.status !== undefined ? "status" : undefined);
}

function dispatch(controller: Controller, match: RouteMatch, req: IncomingMessage, url: URL, rawBody: Buffer): { reply: Reply; user: string | null } {
  const store = controller.store;
  let user: string | undefined;
  const accessToken = bearer(req.headers.authorization);
  if (!match.route.anonymous) {
    if (!accessToken) throw unauthorized();
    const check = store.tokens.check(accessToken);
    if (check === "unknown") throw unauthorized();
    if (check === "expired") throw unauthorized(true);
    user = check.user;
  }
  const reply = match.route.handle({
    version: match.version,
    params: match.params,
    query: url.searchParams,
    rawBody,
    contentType: req.headers["content-type"],
    store,
    user,
    accessToken,
  });
  const issuedTo = match.route.kind === "token" ? (reply.body as { userName?: string } | undefined)?.userName : undefined;
  return { reply, user: user ?? issuedTo ?? null };
}

/** `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 6750 §2.1). */
function bearer(header: string | undefined): string | undefined {
  const found = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return found?.[1];
}

function faultError(fault: FaultView, status: number): ApiError {
  if (status === 401) return unauthorized();
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
  return injectedFault(status, faultMessage(fault, status), headers);
}

function errorReply(error: ApiError, version: ApiVersion): Reply {
  return { status: error.status, body: exceptionInfo(error, version), headers: { ...error.headers } };
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.body === undefined) {
    headers["content-length"] = 0;
    res.writeHead(reply.status, headers).end();
    return;
  }
  const payload = Buffer.from(JSON.stringify(reply.body), "utf8");
  headers["content-type"] = "application/json; charset=utf-8";
  headers["content-length"] = payload.length;
  res.writeHead(reply.status, headers).end(payload);
}

/** Drops the connection with a TCP reset where the socket supports it, so clients see ECONNRESET. */
function reset(res: ServerResponse): void {
  const socket = res.socket as (Socket & { resetAndDestroy?: () => void }) | null;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === "function" && !("encrypted" in socket)) socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * Reads the body of a request the guard lets in. What the guard refuses is answered without
 * reading the body at all (and the connection closes), so a refused body costs nothing.
 */
async function admit(req: IncomingMessage, res: ServerResponse, hosts: HostPolicy, control: boolean): Promise<{ rawBody: Buffer; refusal?: ApiError }> {
  const empty = Buffer.alloc(0);
  const refused = refusalBeforeBody(req, hosts, control) ?? (declaresTooLarge(req) ? bodyTooLarge(MAX_BODY_BYTES) : undefined);
  if (refused) return { rawBody: empty, refusal: refused };
  // Clients that ask first (curl, for large bodies) are told to send only now, once admitted.
  if (/^100-continue$/i.test(req.headers.expect ?? "")) res.writeContinue();
  try {
    const rawBody = await readBody(req);
    const refusedBody = control ? refusalOfControlBody(req, rawBody) : undefined;
    return refusedBody ? { rawBody: empty, refusal: refusedBody } : { rawBody };
  } catch (error) {
    return { rawBody: empty, refusal: error instanceof ApiError ? error : internalError(error) };
  }
}

function bodies(rawBody: Buffer, contentType: string | undefined, reply: Reply | undefined): Pick<RequestLogEntry, "requestBody" | "responseBody"> {
  const request = rawBody.length > 0 ? decodeBody(rawBody, contentType) : undefined;
  // Round-tripped through JSON so the log holds exactly what went over the wire.
  const response = reply?.body !== undefined ? (JSON.parse(JSON.stringify(reply.body)) as unknown) : undefined;
  const [requestBody, responseBody] = redactExchange(request, response);
  return { ...(request !== undefined ? { requestBody } : {}), ...(response !== undefined ? { responseBody } : {}) };
}

/** As the route read it: a form, or JSON the way Json.NET reads it; anything else stays text. */
function decodeBody(rawBody: Buffer, contentType: string | undefined): unknown {
  if (mediaKind(contentType) === "form") return parseFormBody(rawBody);
  const text = rawBody.toString("utf8").replace(/^\uFEFF/, "");
  try {
    return parseLenientJson(text);
  } catch {
    return text;
  }
}

export interface ListenOptions {
  host: string;
  port: number;
  tls: TlsMaterial | undefined;
}

/** Starts HTTP or HTTPS on `host:port` (0 = a free port) and resolves once it listens. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, options: ListenOptions): Promise<{ server: Server; port: number }> {
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handler)
    : createHttpServer(handler);
  // Without this listener Node answers "100 Continue" itself, before the guard has looked.
  server.on("checkContinue", handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Stops listening and drops open connections; resolves at once when the server is not listening. */
export function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
