import type { Counters, Emulator } from "../../emulator";
import type { RequestCount } from "../report/types";

/** The counters without the by-route and by-status breakdowns the report does not use. */
export function requestCount(counters: Counters): RequestCount {
  return { total: counters.total, byKind: counters.byKind };
}

/**
 * The `limit` the provider asked for in its organization listings since the counters were last
 * reset: read from what it sent, so the report states the page size really used.
 */
export function listingLimit(emulator: Emulator): number | undefined {
  const listing = emulator.requests().find((entry) => entry.kind === "organizations.list");
  const limit = listing ? new URLSearchParams(listing.query).get("limit") : null;
  return limit === null ? undefined : Number(limit);
}
