import type { IncomingMessage } from "node:http";
import { controlMediaType, hostNotAllowed, originNotAllowed, type ApiError } from "./errors";
import type { HostPolicy } from "./host-policy";

/**
 * What a request must show before the emulator reads its body: a Host it answers to (every
 * route), and for the control API, which changes everything without a password, no foreign
 * Origin and no body other than JSON. A browser page can send a form or text/plain body to any
 * address without asking; it cannot send application/json across origins without a preflight
 * the emulator never grants, and it always names its own origin on such requests.
 */
export function refusalBeforeBody(req: IncomingMessage, policy: HostPolicy, control: boolean): ApiError | undefined {
  const host = req.headers.host;
  if (!policy.allows(host)) return hostNotAllowed(host, policy.describe());
  if (!control) return undefined;
  const origin = req.headers.origin;
  const own = policy.originOf(host!);
  if (origin !== undefined && !sameOrigin(origin, own)) return originNotAllowed(origin, own);
  const contentType = req.headers["content-type"];
  if (contentType !== undefined && !isJson(contentType)) return controlMediaType(contentType);
  return undefined;
}

/** A control body that arrived without saying it is JSON. */
export function refusalOfControlBody(req: IncomingMessage, body: Buffer): ApiError | undefined {
  return body.length > 0 && req.headers["content-type"] === undefined ? controlMediaType(undefined) : undefined;
}

function sameOrigin(origin: string, own: string): boolean {
  try {
    return new URL(origin).origin === own;
  } catch {
    // "null" (sandboxed frames, file: pages) and anything else that is not an origin.
    return false;
  }
}

function isJson(contentType: string): boolean {
  return contentType.split(";")[0]!.trim().toLowerCase() === "application/json";
}
