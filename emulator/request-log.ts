import type { RouteKind } from "./routes/types";
import type { ApiVersion } from "./versions";

/** One API request as the emulator saw and answered it. */
export interface RequestLogEntry {
  /** 1, 2, 3, ... in arrival order, from the last reset() or resetCounters(). */
  seq: number;
  /** Emulator clock, ISO 8601. */
  at: string;
  method: string;
  /** Path as sent, without the query string. */
  path: string;
  /** Query string without "?", "" when none. */
  query: string;
  version: ApiVersion | null;
  /** Spec path template, e.g. "/v8/Organizations/{organizationId}"; null when no route matched. */
  route: string | null;
  /** "METHOD template", or "METHOD path" when no route matched: the key of `counters().byRoute`. */
  routeKey: string;
  kind: RouteKind | "unmatched";
  /** HTTP status sent; 0 when a fault reset the connection instead. */
  status: number;
  /** User of the bearer token (or the one that logged in, for /token). */
  user: string | null;
  durationMs: number;
  /** Set when a fault fired on this request. */
  fault: { id: string; action: "status" | "reset-before" | "reset-after" | "latency" } | null;
  /** Only with `recordBodies`: the request body, secrets redacted. */
  requestBody?: unknown;
  /** Only with `recordBodies`: the response body as sent (absent for an empty body). */
  responseBody?: unknown;
}

export interface Counters {
  total: number;
  /** By "METHOD /vN/Route-template", e.g. "POST /v8/Organizations". */
  byRoute: Record<string, number>;
  /** By route kind, e.g. "organizations.create", "token". */
  byKind: Record<string, number>;
  /** By status code as a string, "0" for reset connections. */
  byStatus: Record<string, number>;
}

/**
 * The request log behind `requests()` and `counters()`. Counters are exact; the entry list keeps
 * the most recent `maxEntries` (so a benchmark cannot grow it without bound).
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;
  private counts: Counters = emptyCounters();

  constructor(private readonly maxEntries: number) {}

  record(entry: Omit<RequestLogEntry, "seq">): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    // Trimmed in batches: dropping one entry per request would copy the whole array every time.
    if (this.entries.length >= this.maxEntries * 2) this.entries = this.entries.slice(-this.maxEntries);
    this.counts.total += 1;
    increment(this.counts.byRoute, full.routeKey);
    increment(this.counts.byKind, full.kind);
    increment(this.counts.byStatus, String(full.status));
    return full;
  }

  list(): RequestLogEntry[] {
    return this.entries.slice(-this.maxEntries);
  }

  counters(): Counters {
    return { total: this.counts.total, byRoute: { ...this.counts.byRoute }, byKind: { ...this.counts.byKind }, byStatus: { ...this.counts.byStatus } };
  }

  clear(): void {
    this.entries = [];
    this.seq = 0;
    this.counts = emptyCounters();
  }
}

function emptyCounters(): Counters {
  return { total: 0, byRoute: {}, byKind: {}, byStatus: {} };
}

function increment(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}
