/**
 * One error family for everything that can go wrong talking to VB365. Messages are full
 * sentences built from Veeam's own words; they never carry a stack from the server, a
 * request body or a credential.
 */
export class Vb365Error extends Error {
  /** A stable, machine-readable reason, e.g. "not_found", "tls_untrusted". */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown; name?: string }) {
    super(message, options);
    // Given, not read from new.target: bundlers rename classes, and the name is what isInstance checks.
    this.name = options?.name ?? "Vb365Error";
    this.code = code;
  }

  /** Works across copies of this module: a program can load two installed versions of pulumi-vb365, or its sources beside its build. */
  static isInstance(value: unknown): value is Vb365Error {
    return value instanceof Error && typeof (value as Partial<Vb365Error>).code === "string" && value.name.startsWith("Vb365");
  }
}

export interface ApiErrorDetails {
  method: string;
  path: string;
  status: number;
  /** RESTExceptionInfo.message, or error_description on OAuth-style token errors. */
  veeamMessage?: string;
  /** RESTExceptionInfo.errorCode (v7+), or error on OAuth-style token errors. */
  errorCode?: string;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  retryAfterMs?: number;
}

/** The server answered with a status that means failure. */
export class Vb365ApiError extends Vb365Error {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly veeamMessage: string | undefined;
  readonly errorCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails, code = codeForStatus(details.status)) {
    const reason = details.veeamMessage?.trim() || statusText(details.status);
    const errorCode = details.errorCode ? ` [${details.errorCode}]` : "";
    super(code, `VB365 ${details.method} ${details.path} failed with ${details.status}: ${reason}${errorCode}`, { name: "Vb365ApiError" });
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.veeamMessage = details.veeamMessage;
    this.errorCode = details.errorCode;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The request never got an answer: refused, reset, timed out, or TLS not trusted. */
export class Vb365ConnectionError extends Vb365Error {
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, code: string, explanation: string, cause?: unknown) {
    super(code, `VB365 ${method} ${path} failed: ${explanation}`, { cause, name: "Vb365ConnectionError" });
    this.method = method;
    this.path = path;
  }
}

/**
 * Settings that make no sense, or that would be unsafe, found before any request is sent.
 * `code`: "invalid_config", or "insecure_http" for plain http:// to another machine.
 */
export class Vb365ConfigError extends Vb365Error {
  constructor(message: string, code: "invalid_config" | "insecure_http" = "invalid_config") {
    super(code, message, { name: "Vb365ConfigError" });
  }
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 429:
      return "rate_limited";
    default:
      return status >= 500 ? "server_error" : "http_error";
  }
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
  };
  return texts[status] ?? "the server gave no message";
}

/**
 * A failure a later attempt may not meet: the server refused, reset or did not answer in time,
 * asked to slow down (429), or failed itself (5xx). Whether the attempt may also have acted is
 * the caller's question: a POST that timed out may have added what it asked for.
 */
export function isTransient(error: unknown): error is Vb365Error {
  if (error instanceof Vb365ConnectionError) return ["connection_reset", "timeout", "network", "unreachable"].includes(error.code);
  return error instanceof Vb365ApiError && (error.status === 429 || error.status >= 500);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Vb365ApiError && error.status === 404;
}
