import type { Emulator } from "../../emulator";
import type { TestStack } from "../../test/helpers/engine";
import { measureFloor, measureTenants, type Operation, OPERATIONS, run, type TenantsRun } from "../engine";
import type { ConsumerBench } from "../lib/consumer-project";
import type { RequestCount, ScaleSize } from "../report/types";
import { listingLimit, requestCount } from "./counts";

export interface CappedRefresh {
  maxPageSize: number;
  requests: RequestCount;
}

export interface SingleStackFigures {
  size: ScaleSize;
  /** The `limit` the provider sent in the refresh's organization listings. */
  providerPageLimit: number | undefined;
  capped?: CappedRefresh;
}

/**
 * One stack of `tenants`, the floor and ours back to back (which first as `floorFirst` says), each
 * through up, a no-change preview, refresh and destroy. With `capPageSize`, ours is refreshed a
 * second time, untimed, with the emulator's pages capped at that size, to count what paging costs.
 */
export async function measureSingleStack(
  project: ConsumerBench,
  emulator: Emulator,
  inputs: { tenants: number; pfxFile: string },
  floorFirst: boolean,
  capPageSize?: number,
): Promise<SingleStackFigures> {
  let providerPageLimit: number | undefined;
  let capped: CappedRefresh | undefined;
  const afterOperation = async (operation: Operation, stack: TestStack): Promise<void> => {
    if (operation !== "refresh") return;
    providerPageLimit = listingLimit(emulator);
    if (capPageSize === undefined) return;
    const before = emulator.settings().maxPageSize;
    emulator.configure({ maxPageSize: capPageSize });
    emulator.resetCounters();
    try {
      await run(stack, "refresh");
      capped = { maxPageSize: capPageSize, requests: requestCount(emulator.counters()) };
    } finally {
      emulator.configure({ maxPageSize: before });
    }
  };
  const floor = () => measureFloor(project.programDir("noop"), inputs, { watchRss: false });
  const ours = (): Promise<TenantsRun> => {
    emulator.reset();
    return measureTenants(project.programDir("tenants"), inputs, { watchRss: false, emulator, afterOperation });
  };
  const floorRun = floorFirst ? await floor() : undefined;
  const oursRun = await ours();
  const floorResult = floorRun ?? (await floor());
  const size: ScaleSize = {
    tenants: inputs.tenants,
    floor: floorResult.times,
    ours: oursRun.times,
    floorStateBytes: floorResult.stateBytes,
    oursStateBytes: oursRun.stateBytes,
    requests: Object.fromEntries(OPERATIONS.map((operation) => [operation, requestCount(oursRun.requests[operation])])) as ScaleSize["requests"],
  };
  return { size, providerPageLimit, ...(capped ? { capped } : {}) };
}
