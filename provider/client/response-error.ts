import { Vb365ApiError } from "./errors";
import type { SecretRegistry } from "./redaction";
import { errorBodySchema } from "./schemas";
import type { RawResponse } from "./transport";

export interface FailedRequest {
  method: string;
  path: string;
  /** The credentials the request carried (its body's or its form's), redacted along with the connection's own. */
  secrets: readonly (string | undefined)[];
}

export interface Wording {
  /** The error's code instead of the status's, e.g. "bad_credentials". */
  code?: string;
  /** Veeam's message (already redacted) as the error states it, e.g. with the settings to check. */
  message?: (veeamMessage: string | undefined) => string | undefined;
}

/**
 * How much of Veeam's message (and error code) an error states. VB365's own are a sentence or
 * two; a server that says more is cut, after the whole was redacted (a cut made first could
 * split a secret into parts that no longer read as it).
 */
const MAX_STATED_CHARACTERS = 8192;

/**
 * The error of an answer whose status means failure: method, path, status, Veeam's own message
 * and error code (RESTExceptionInfo, or OAuth's error and error_description on the token route).
 * The one place a server's words enter an error, so none gets there unredacted: a server may
 * quote the password, a token or the body it refused, in any encoding. A body the transport did
 * not read (too long) is stated as such.
 */
export function responseError(request: FailedRequest, response: RawResponse, secrets: SecretRegistry, wording: Wording = {}): Vb365ApiError {
  const parsed = errorBodySchema().safeParse(parseJson(response.text));
  const body = parsed.success ? parsed.data : undefined;
  const clean = (text: string | null | undefined) => (text ? stated(secrets.redact(text, request.secrets)) : undefined);
  const veeamMessage = response.unread ?? clean(body?.message ?? body?.error_description ?? body?.error);
  return new Vb365ApiError(
    {
      method: request.method,
      path: request.path,
      status: response.status,
      veeamMessage: wording.message ? wording.message(veeamMessage) : veeamMessage,
      errorCode: clean(body?.errorCode ?? body?.error),
      retryAfterMs: retryAfterMs(response.headers["retry-after"]),
    },
    wording.code,
  );
}

/** `text` up to MAX_STATED_CHARACTERS, and "…" where it was cut (never inside a surrogate pair). */
function stated(text: string): string {
  if (text.length <= MAX_STATED_CHARACTERS) return text;
  const last = text.charCodeAt(MAX_STATED_CHARACTERS - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? MAX_STATED_CHARACTERS - 1 : MAX_STATED_CHARACTERS;
  return `${text.slice(0, cut)}…`;
}

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
