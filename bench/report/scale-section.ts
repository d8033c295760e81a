import { OPERATIONS } from "../engine";
import { median } from "../lib/stats";
import { describeRun } from "./run-method";
import { mb, ratio, requests, s, table } from "./table";
import type { BenchResults, RequestCount, ScaleResults, ShardedRun } from "./types";

/** The part `npm run bench:scale` measured. */
export function scaleSection(results: BenchResults): string {
  const scale = results.scale!;
  const base = scale.sizes.find((size) => size.tenants === scale.baselineTenants) ?? scale.sizes[0]!;
  const largest = scale.sizes.at(-1)!;
  const n = largest.tenants;
  const singleRows = scale.sizes.flatMap((size) =>
    OPERATIONS.map((operation) => [
      size.tenants,
      operation === "preview" ? "no-change preview" : operation,
      s(size.floor[operation]),
      s(size.ours[operation]),
      ratio(size.ours[operation], size.floor[operation]),
      requests(size.requests[operation]),
      operation === "up" ? `${mb(size.floorStateBytes)} / ${mb(size.oursStateBytes)}` : "",
    ]),
  );
  return `## Scale: thousands of tenants

Measured by ${describeRun("npm run bench:scale", scale.method)}. One run per size and per shard count; the floor and ours back to back.

### One stack

Existing-application tenants (bench/consumer/tenants.ts) that all import one PFX made before the
runs, so that no key is generated; the floor (bench/consumer/noop.ts) reads the same file and carries
the same PFX and password (see the headline). Each size is a fresh stack on its own file backend:
up, a no-change preview, refresh, destroy; which of the floor and ours goes first alternates by
size. Requests are counted by the emulator (\`counters()\`), reset before each operation; one
emulator, in the bench process, stands for the VB365 server.

${table(["N", "operation", "floor (s)", "ours (s)", "ours / floor", "requests (ours)", "checkpoint after up, floor / ours (MB)"], singleRows)}

Growth of up from ${base.tenants} to ${n} tenants in one stack, as the k in t ∝ N^k (log(t${n} / t${base.tenants}) / log(${n / base.tenants})): ours **${results.upGrowthExponent}**, the floor ${results.upGrowthExponentFloor}. 1 would be linear. The engine writes the whole checkpoint after every step on file and object-store backends (pulumi/pulumi#10960): a step costs in proportion to what the stack already holds, so an up of N tenants tends to N², for the floor as for ours.

${pagingParagraph(scale, n)}${results.refreshCounts ? ` refresh${n}Requests among the goals is counted again, by a later run, in “Refresh requests of ${results.refreshCounts.tenants} tenants” below.` : ""}

### ${n} tenants in shards

The ${n} tenants split into K stacks of ${n}/K tenants (shard k declares tenants k·${n}/K to (k+1)·${n}/K − 1), each stack with its own file-backend directory and PULUMI_HOME, as K CI jobs would have, all against the one emulator. Each operation runs over every shard, **${scale.method.concurrency} at a time** (this machine has 2 cores), before the next operation starts. The wall time is the phase's; per shard is each stack's own time. **On a CI system with one runner per shard, the wall time would be the slowest shard's** (the max column), not the wall time here; and each per-shard time here is longer than it would be on a runner of its own, because another shard ran beside it on the same 2 cores.

${table(["K", "tenants per shard", "operation", "ours wall (s)", "ours per shard min / median / max (s)", "floor wall (s)", "floor per shard max (s)", "requests over all shards"], scale.sharded.flatMap(shardRows))}

Growth against the single stack of ${base.tenants}: ${scale.sharded.map((run) => `K = ${run.shards}: per shard **${run.perShardGrowthExponent}** (log(slowest shard's up / t${base.tenants}) / log(${run.tenantsPerShard} / ${base.tenants})), wall ${run.wallGrowthExponent} (log(wall / t${base.tenants}) / log(${n / base.tenants}))`).join("; ")}. The per-shard exponent (upGrowthExponentSharded, for K = ${scale.sharded[0]?.shards}) is how one stack's up grows with its size, measured on the shards; it reads high, because each shard shared the 2 cores with another while the ${base.tenants}-tenant stack ran alone. The wall exponent is how the fleet's time grows with its tenants once split, at this concurrency; 1 would be linear.`;
}

/** What the refresh of the largest stack asked for, and what the goal allows. */
function pagingParagraph(scale: ScaleResults, n: number): string {
  const refresh = scale.sizes.at(-1)!.requests.refresh;
  const pageLimit = scale.method.providerPageLimit;
  const pages = Math.ceil(n / pageLimit);
  const listings = refresh.byKind["organizations.list"] ?? 0;
  const capped = scale.cappedRefresh;
  const cappedListings = capped.requests.byKind["organizations.list"] ?? 0;
  const trailing = (made: number, needed: number) =>
    made > needed ? `${made} listings for ${needed} page(s) of results: after a page as full as the limit the provider asks for the next, which comes back empty` : `${made} listing(s) for ${needed} page(s) of results`;
  return `Refresh of ${n}: ${requests(refresh)}. The provider asked for pages of ${pageLimit} (the \`limit\` it sent; the emulator capped pages at ${scale.method.emulatorMaxPageSize ?? "nothing but its documented 10,000"}): ${trailing(listings, pages)}. Besides the listings: ${others(refresh)}. The goal for refresh${n}Requests, ceil(${n} / ${pageLimit}) + 1 = ${pages + 1}, counts the listings and the token. A second, untimed refresh of the same stack with the emulator's pages capped at ${capped.maxPageSize}: ${requests(capped.requests)}, ${trailing(cappedListings, Math.ceil(n / capped.maxPageSize))}.`;
}

/** The requests that are not organization listings, by kind. */
function others(count: RequestCount): string {
  const kinds = Object.entries(count.byKind).filter(([kind]) => kind !== "organizations.list");
  return kinds.length === 0 ? "nothing" : kinds.map(([kind, made]) => `${kind} ${made}`).join(", ");
}

function shardRows(run: ShardedRun): Array<Array<string | number>> {
  return OPERATIONS.map((operation) => {
    const ours = run.ours[operation];
    const sorted = [...ours.shardMs].sort((a, b) => a - b);
    return [
      run.shards,
      run.tenantsPerShard,
      operation === "preview" ? "no-change preview" : operation,
      s(ours.wallMs),
      `${s(sorted[0]!)} / ${s(median(sorted))} / ${s(sorted.at(-1)!)}`,
      s(run.floor[operation].wallMs),
      s(Math.max(...run.floor[operation].shardMs)),
      requests(run.requests[operation]),
    ];
  });
}

