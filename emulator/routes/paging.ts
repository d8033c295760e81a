import { validation } from "../errors";
import type { EmulatorSettings } from "../settings";
import { queryInt } from "./params";

/** DOC-PAGE: `offset` defaults to 0, `limit` to 30, and `limit` goes up to 10,000. */
export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT = 10_000;

export interface PageRequest {
  offset: number;
  limit: number;
  /** Under silentPageCap: the limit the client asked for, which the page echoes instead of its cap, with no links. */
  askedLimit?: number;
}

/**
 * Decided: out-of-range values are refused (400) rather than clamped; the docs only state the
 * bounds. A server that caps pages lower (`maxPageSize`) clamps a larger `limit` and the page
 * says so in its own `limit`, unless it caps silently (`silentPageCap`).
 */
export function pageRequest(query: URLSearchParams, settings: Pick<EmulatorSettings, "maxPageSize"> & Partial<Pick<EmulatorSettings, "silentPageCap">>): PageRequest {
  const offset = queryInt(query, "offset") ?? 0;
  const limit = queryInt(query, "limit") ?? DEFAULT_LIMIT;
  if (offset < 0) throw validation(`The value '${offset}' is not valid for offset: it must be 0 or more.`);
  if (limit < 1 || limit > MAX_LIMIT) {
    throw validation(`The value '${limit}' is not valid for limit: it must be between 1 and ${MAX_LIMIT}.`);
  }
  const { maxPageSize } = settings;
  return { offset, limit: maxPageSize === null ? limit : Math.min(limit, maxPageSize), ...(settings.silentPageCap ? { askedLimit: limit } : {}) };
}

/**
 * A `PageOf<X>` object (SPEC8) with relative navigation links, as the paging docs show them
 * (`/v8/RestoreSessions/...?offset=0&limit=10`, DOC-PAGE); without them under silentPageCap.
 * Decided: `filters` given are repeated in every link after offset and limit, so following `next`
 * keeps filtering.
 */
export function page<T>(items: readonly T[], request: PageRequest, path: string, filters: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const { offset, limit, askedLimit } = request;
  const results = items.slice(offset, offset + limit);
  if (askedLimit !== undefined) return { offset, limit: askedLimit, results };
  const rest = Object.entries(filters).map(([name, value]) => `&${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("");
  const href = (at: number) => ({ href: `${path}?offset=${at}&limit=${limit}${rest}` });
  const links: Record<string, { href: string }> = { first: href(0) };
  if (offset > 0) links.prev = href(Math.max(0, offset - limit));
  links.self = href(offset);
  if (offset + limit < items.length) links.next = href(offset + limit);
  return { offset, limit, results, _links: links };
}
