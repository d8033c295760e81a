import { describeRun } from "./run-method";
import { requests, table } from "./table";
import type { RefreshCounts } from "./types";

/** The part `BENCH_ONLY=refresh npm run bench:scale` counted. */
export function refreshSection(counts: RefreshCounts): string {
  const n = counts.tenants;
  const pages = Math.ceil(n / counts.providerPageLimit);
  const rows = [
    ["server without the Restore Portal: each tenant's portal step waits", requests(counts.unsettled)],
    ["the portal just turned on: the refresh that settles every tenant's step", requests(counts.settling)],
    ["every tenant's portal step settled", requests(counts.settled)],
    [`settled, the emulator's pages capped at ${counts.capped.maxPageSize}`, requests(counts.capped.requests)],
  ];
  return `## Refresh requests of ${n} tenants

Counted by ${describeRun("BENCH_ONLY=refresh npm run bench:scale", counts.method)}. One stack of ${n} tenants (bench/consumer/tenants.ts, one imported PFX), brought up once on an emulator without the Restore Portal, then refreshed four times in a row; the emulator's counters are reset before each refresh. Nothing here is timed.

${table(["refresh", "requests"], rows)}

The provider asks for pages of ${counts.providerPageLimit} (the \`limit\` it sent), so ${n} organizations are ${pages} page(s). refresh${n}Requests is the settled refresh: its goal, ceil(${n} / ${counts.providerPageLimit}) + 1 = ${pages + 1}, counts the listings and the token. While a tenant's portal step waits for the server's portal, each refresh also reads the server's portal settings once, whatever the number of tenants (refresh${n}RequestsPortalUnsettled): that read is how a refresh sees the portal turned on.`;
}
