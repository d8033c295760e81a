import type { IncomingMessage } from "node:http";
import { bodyRequired, bodyTooLarge, invalidJson, unsupportedMediaType } from "./errors";
import { parseLenientJson } from "./lenient-json";

/** What a route answers; the server turns it into bytes (or drops it when a fault resets). */
export interface Reply {
  status: number;
  /** JSON-serializable body; `undefined` sends no body at all (204, v7 logout's bare 200). */
  body?: unknown;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export function empty(status = 204): Reply {
  return { status };
}

/**
 * The most the emulator reads of any request body, JSON, form or control: 1 MiB. The largest
 * real body is an organization with two PFX in base64, a few KB each; bodies arrive before any
 * authentication (the token route, the control API), so this bounds what a stranger costs.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A Content-Length above `limit`: refused without reading a byte of the body. */
export function declaresTooLarge(req: IncomingMessage, limit = MAX_BODY_BYTES): boolean {
  const declared = Number(req.headers["content-length"] ?? 0);
  return !Number.isFinite(declared) || declared > limit;
}

/**
 * Reads the body, and stops reading (bodyTooLarge) as soon as it passes `limit`, whatever the
 * Content-Length said (chunked bodies declare none). The caller answers 413 and closes.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (declaresTooLarge(req, limit)) return Promise.reject(bodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanUp = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanUp();
      req.pause();
      reject(bodyTooLarge(limit));
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

export type MediaKind = "json" | "form" | "none" | "other";

/** `application/json; charset=utf-8` → "json". A missing header counts as JSON (lenient, decided). */
export function mediaKind(contentType: string | undefined): MediaKind {
  if (contentType === undefined || contentType.trim() === "") return "none";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type === "text/json" || type.endsWith("+json")) return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  return "other";
}

/**
 * Parses a JSON body. Routes whose spec says `application/json` refuse other media types with
 * 415, the way ASP.NET Web API does when no formatter matches.
 */
export function parseJsonBody(raw: Buffer, contentType: string | undefined, required: boolean): unknown {
  const kind = mediaKind(contentType);
  if (kind === "form" || kind === "other") throw unsupportedMediaType(contentType ?? "");
  return parseJsonText(raw, required);
}

export function parseJsonText(raw: Buffer, required: boolean): unknown {
  const text = raw.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    if (required) throw bodyRequired();
    return undefined;
  }
  try {
    return parseLenientJson(text);
  } catch (error) {
    throw invalidJson(error instanceof Error ? error.message : String(error));
  }
}

/** Form bodies become a flat object of strings; a repeated key keeps its last value. */
export function parseFormBody(raw: Buffer): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw.toString("utf8"))) result[key] = value;
  return result;
}
