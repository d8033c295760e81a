import { Agent, Dispatcher, RetryAgent, request } from "undici";
import type { ConnectionSettings } from "./connection";
import { Vb365ApiError, Vb365ConnectionError } from "./errors";
import type { SecretRegistry } from "./redaction";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff; doubles each time, capped at maxDelayMs. Retry-After wins when sent. */
  minDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, minDelayMs: 500, maxDelayMs: 30_000 };

/**
 * The engine runs several creates at once (8 on 2 CPUs) and a refresh reads every organization.
 * Unbounded, undici would open one TLS connection per request in flight; queued on a few
 * kept-alive ones, the requests take no longer and the server is not flooded with handshakes.
 */
const MAX_CONNECTIONS_PER_SERVER = 8;

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body; empty when it was not read (`unread`). */
  text: string;
  /** Why the body of a failure was not read (it was longer than MAX_ERROR_BODY_BYTES), as the error states it. */
  unread?: string;
}

/**
 * The most of a failure's body that is read. VB365's errors (RESTExceptionInfo, OAuth's error) are
 * a few hundred bytes; a server that sends more gets its status reported, not its text.
 */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;
/**
 * The most of a success's body that is read. A page of 10,000 organizations, or v6 and v7's
 * unpaged listings of a large estate, take tens of MB; beyond this is no VB365 answering.
 */
const MAX_BODY_BYTES = 128 * 1024 * 1024;

export interface SendOptions {
  headers?: Record<string, string>;
  body?: string;
  /**
   * Whether failures may be retried. Reads, PUT, DELETE and token grants are safe to repeat;
   * a POST that creates something is not (the caller recovers from ambiguity instead).
   */
  retry: boolean;
  /** Waits this long for headers and body instead of the connection's timeoutMs; `setting` names the knob in messages. */
  timeout?: { ms: number; setting: string };
}

const TLS_ERROR_CODES = [
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_SIGNATURE_FAILURE",
];

/**
 * HTTP to one VB365 server over a keep-alive pool. Retries (429, 5xx, resets, timeouts, with
 * Retry-After honoured) are undici's RetryAgent; after the last attempt the final response is
 * handed back as it is, so the caller can report Veeam's own message.
 */
export class Transport {
  private readonly agent: Agent;
  private readonly retrying: RetryAgent;

  constructor(
    private readonly settings: ConnectionSettings,
    retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
    /** The connection's secrets, redacted from what a failure quotes of the network layer's own words. */
    private readonly secrets?: SecretRegistry,
  ) {
    this.agent = new Agent({
      connections: MAX_CONNECTIONS_PER_SERVER,
      keepAliveTimeout: 30_000,
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      connect: {
        // undici's own 10 s would cut a slow handshake short of the timeout the messages name.
        timeout: settings.timeoutMs,
        ca: settings.caCertificate,
        rejectUnauthorized: !settings.insecureSkipVerify,
      },
    });
    this.retrying = new RetryAgent(this.agent, {
      maxRetries: retryPolicy.maxRetries,
      minTimeout: retryPolicy.minDelayMs,
      maxTimeout: retryPolicy.maxDelayMs,
      timeoutFactor: 2,
      retryAfter: true,
      throwOnError: false,
      methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST"],
      statusCodes: [429, 500, 502, 503, 504],
      errorCodes: [
        "ECONNRESET",
        "ECONNREFUSED",
        "EPIPE",
        "ETIMEDOUT",
        "UND_ERR_SOCKET",
        "UND_ERR_HEADERS_TIMEOUT",
        "UND_ERR_BODY_TIMEOUT",
      ],
    });
  }

  get baseUrl(): string {
    return this.settings.url;
  }

  async send(method: string, path: string, options: SendOptions): Promise<RawResponse> {
    const dispatcher: Dispatcher = options.retry ? this.retrying : this.agent;
    try {
      const response = await request(this.settings.url + path, {
        method: method as Dispatcher.HttpMethod,
        headers: { accept: "application/json", ...options.headers },
        body: options.body,
        dispatcher,
        ...(options.timeout ? { headersTimeout: options.timeout.ms, bodyTimeout: options.timeout.ms } : {}),
      });
      const failed = response.statusCode >= 300;
      const maxBytes = failed ? MAX_ERROR_BODY_BYTES : MAX_BODY_BYTES;
      const text = await boundedText(response.body, maxBytes);
      if (text !== undefined) return { status: response.statusCode, headers: response.headers, text };
      const unread = `the answer's body is over ${maxBytes / (1024 * 1024)} MiB, more than any VB365 ${failed ? "error" : "answer"}; it was not read`;
      // A failure goes on to its caller, which may renew the token or state the status; a success too long is of no use.
      if (failed) return { status: response.statusCode, headers: response.headers, text: "", unread };
      throw new Vb365ApiError({ method, path, status: response.statusCode, veeamMessage: unread });
    } catch (error) {
      if (error instanceof Vb365ApiError) throw error;
      throw this.connectionError(method, path, error, options.timeout);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private connectionError(method: string, path: string, error: unknown, timeout: SendOptions["timeout"]): Vb365ConnectionError {
    const code = errorCode(error);
    const where = this.settings.url;
    if (code && TLS_ERROR_CODES.includes(code)) {
      return new Vb365ConnectionError(
        method,
        path,
        "tls_untrusted",
        `the TLS certificate of ${where} is not trusted (${code}). Trust it by setting vb365:caCertificate to its PEM ` +
          "(or VB365_CA_FILE to a PEM file); only for a test server, set vb365:insecureSkipVerify to true.",
        error,
      );
    }
    if (code === "ECONNREFUSED") {
      return new Vb365ConnectionError(
        method,
        path,
        "unreachable",
        `nothing answers at ${where} (connection refused). Check vb365:url and that the VB365 REST API is enabled on that server.`,
        error,
      );
    }
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
      return new Vb365ConnectionError(method, path, "unreachable", `the host of ${where} cannot be resolved (${code}). Check vb365:url.`, error);
    }
    if (code === "UND_ERR_CONNECT_TIMEOUT") {
      return new Vb365ConnectionError(
        method,
        path,
        "timeout",
        `${where} did not complete a connection (TCP and TLS) within ${Math.round(this.settings.timeoutMs / 1000)} s. Check that vb365:url names the VB365 REST API's port; raise vb365:timeoutSeconds if the server is slow.`,
        error,
      );
    }
    if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
      return new Vb365ConnectionError(
        method,
        path,
        "timeout",
        `${where} did not answer within ${Math.round((timeout?.ms ?? this.settings.timeoutMs) / 1000)} s. Raise ${timeout?.setting ?? "vb365:timeoutSeconds"} if the server is slow.`,
        error,
      );
    }
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") {
      return new Vb365ConnectionError(method, path, "connection_reset", `the connection to ${where} was reset before an answer came.`, error);
    }
    const detail = code ?? (error instanceof Error ? error.message : String(error));
    return new Vb365ConnectionError(method, path, "network", `the request to ${where} failed (${this.secrets?.redact(detail) ?? detail}).`, error);
  }
}

/** The body as UTF-8 text, or undefined (and the rest left unread) once it is longer than `maxBytes`. */
async function boundedText(body: Dispatcher.ResponseData["body"], maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  // As undici's text(): a byte-order mark is dropped, a malformed sequence becomes U+FFFD.
  return new TextDecoder().decode(Buffer.concat(chunks, bytes));
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // TLS and socket errors can arrive wrapped one or two levels deep.
  for (let depth = 0; depth < 3 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR_REQ_RETRY") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
