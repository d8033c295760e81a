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

/** A PFX in base64 is a few KB; 10 MB leaves room without letting a client exhaust memory. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw bodyTooLarge(MAX_BODY_BYTES);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
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
