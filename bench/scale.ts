/**
 * `npm run bench:scale`: how up, a no-change preview, refresh and destroy grow with the tenants
 * of one stack (100, 500, 1,000), next to the no-op floor at the same sizes, and the 1,000
 * tenants split into shards (4 and 8 stacks) run two at a time on this machine. Existing-application
 * tenants importing one PFX made before the runs, so that no key is generated. Merges its
 * figures into bench/results.json and renders docs/benchmarks.md.
 *
 * The emulator has the Restore Portal turned on, as a provider that offers it has, so each tenant's
 * portal step settles at up.
 *
 * BENCH_QUICK=1 runs 50, 100 and 200 (and 200 in shards) and writes to a temp directory.
 * BENCH_RESUME=1 picks up a run stopped from outside (bench/lib/progress.ts).
 * BENCH_ONLY=refresh only counts the requests of refreshes of the largest stack
 * (bench/scale/refresh-counts.ts): refresh{N}Requests and its goal, without the timed runs.
 */
import * as os from "node:os";
import { startEmulator } from "../emulator";
import { consumerProject } from "./lib/consumer-project";
import { makePfxs, writePfxFile } from "./lib/pfx-file";
import { BENCH_RESTORE_PORTAL } from "./lib/restore-portal";
import { Progress } from "./lib/progress";
import { publish, revision, runMethod } from "./lib/results-file";
import { seconds } from "./lib/stats";
import type { ScaleResults, ScaleSize } from "./report/types";
import { measureRefreshCounts } from "./scale/refresh-counts";
import { shardedRun } from "./scale/sharded-run";
import { type SingleStackFigures, measureSingleStack } from "./scale/single-stack";
import { sizedKeys } from "./scale/sized-keys";

const quick = process.env.BENCH_QUICK === "1";
const only = process.env.BENCH_ONLY;
const SIZES = quick ? [50, 100, 200] : [100, 500, 1000];
const BASELINE = 100;
const SHARDS = [4, 8];
// Two CI runners' worth on this 2-core machine; with one runner per shard the wall time would be the slowest shard.
const CONCURRENCY = 2;

async function main(): Promise<void> {
  if (only !== undefined && only !== "refresh") throw new Error(`BENCH_ONLY=${only}: bench:scale knows only BENCH_ONLY=refresh.`);
  const progress = Progress.open(`scale${only ? `-${only}` : ""}${quick ? "-quick" : ""}`, revision());
  const project = consumerProject();
  const emulator = await startEmulator({ restorePortal: BENCH_RESTORE_PORTAL });
  try {
    // One PFX every tenant imports: the bytes per tenant are a real certificate's, and no key is
    // generated in any timed operation.
    const pfxFile = writePfxFile(project.dir, "shared-pfx", await makePfxs(1));
    const largest = SIZES.at(-1)!;
    if (only === "refresh") {
      log(`refreshes of one stack of ${largest} tenants, counted, load ${os.loadavg()[0]!.toFixed(1)}`);
      const counts = await progress.part(`refresh-${largest}`, () => measureRefreshCounts(project, emulator, { tenants: largest, pfxFile }, largest / 4));
      const refreshCounts = { method: runMethod(quick, progress), ...counts };
      const keys = { [`refresh${largest}Requests`]: counts.settled.total, [`refresh${largest}RequestsPortalUnsettled`]: counts.unsettled.total };
      console.log(`\n${publish({ ...keys, refreshCounts, goals: refreshGoal(largest, counts.providerPageLimit) }, quick)}`);
      return;
    }
    const single: SingleStackFigures[] = [];
    for (const [index, tenants] of SIZES.entries()) {
      log(`one stack of ${tenants} tenants (${index % 2 === 0 ? "floor" : "ours"} first), load ${os.loadavg()[0]!.toFixed(1)}`);
      const capPageSize = tenants === largest ? largest / 4 : undefined;
      single.push(await progress.part(`single-${tenants}`, () => measureSingleStack(project, emulator, { tenants, pfxFile }, index % 2 === 0, capPageSize)));
      logSize(single.at(-1)!.size);
    }
    // Growth is reckoned from the 100-tenant stack, the bench's headline size, in both modes.
    const baseline = single.find((figures) => figures.size.tenants === BASELINE)!.size;
    const sharded = [];
    for (const shards of SHARDS) {
      log(`${largest} tenants in ${shards} stacks, ${CONCURRENCY} at a time, load ${os.loadavg()[0]!.toFixed(1)}`);
      sharded.push(await progress.part(`sharded-${shards}`, () => shardedRun(project, emulator, { total: largest, shards, concurrency: CONCURRENCY, pfxFile }, baseline)));
      const up = sharded.at(-1)!.ours.up;
      log(`  up: wall ${seconds(up.wallMs)} s, shards ${up.shardMs.map(seconds).join(", ")} s`);
    }
    const capped = single.at(-1)!.capped!;
    const scale: ScaleResults = {
      method: { ...runMethod(quick, progress), concurrency: CONCURRENCY, providerPageLimit: single.at(-1)!.providerPageLimit ?? 0, emulatorMaxPageSize: emulator.settings().maxPageSize },
      baselineTenants: BASELINE,
      sizes: single.map((figures) => figures.size),
      sharded,
      cappedRefresh: { tenants: largest, maxPageSize: capped.maxPageSize, requests: capped.requests },
    };
    console.log(`\n${publish({ ...sizedKeys(scale, BASELINE), scale, goals: refreshGoal(largest, scale.method.providerPageLimit) }, quick)}`);
  } finally {
    await emulator.close();
    project.remove();
  }
}

/** The refresh goal of issue #19: one listing per page of the provider's limit, plus the token. */
function refreshGoal(tenants: number, pageLimit: number): Record<string, number> {
  return { [`refresh${tenants}Requests`]: Math.ceil(tenants / (pageLimit || 1)) + 1 };
}

function logSize(size: ScaleSize): void {
  const pairs = (["up", "preview", "refresh", "destroy"] as const).map((operation) => `${operation} ${seconds(size.floor[operation])}/${seconds(size.ours[operation])} s`);
  log(`  N=${size.tenants} floor/ours: ${pairs.join(", ")}; refresh requests ${size.requests.refresh.total}`);
}

function log(line: string): void {
  console.log(`[bench:scale] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
