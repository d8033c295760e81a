import type { Emulator } from "../../emulator";
import { DEFAULT_SETTINGS } from "../../emulator/settings";
import { TestStack } from "../../test/helpers/engine";
import { programConfig, run } from "../engine";
import type { ConsumerBench } from "../lib/consumer-project";
import { registerPfxFile } from "../lib/pfx-file";
import { BENCH_RESTORE_PORTAL } from "../lib/restore-portal";
import type { RefreshCounts } from "../report/types";
import { listingLimit, requestCount } from "./counts";

/**
 * What refreshes of one stack of `tenants` ask the server for: counted, not timed. The stack is
 * brought up once on a server without the Restore Portal, then refreshed as it is (each tenant's
 * portal step still waits, so the refresh reads the server's portal settings too), after the
 * portal is turned on (the step settles), once more settled, and settled with the emulator's
 * pages capped at `capPageSize`. The stack is dropped with its backend, not destroyed: nothing
 * here is timed, and the emulator is reset before the next use.
 */
export async function measureRefreshCounts(
  project: ConsumerBench,
  emulator: Emulator,
  inputs: { tenants: number; pfxFile: string },
  capPageSize: number,
): Promise<Omit<RefreshCounts, "method">> {
  emulator.reset();
  const before = emulator.settings();
  // The emulator's default: a server whose Restore Portal was never set up.
  emulator.configure({ restorePortal: DEFAULT_SETTINGS.restorePortal });
  registerPfxFile(emulator, inputs.pfxFile);
  const stack = await TestStack.create({ programDir: project.programDir("tenants"), config: programConfig(inputs, emulator) });
  const counted = async () => {
    emulator.resetCounters();
    await run(stack, "refresh");
    return requestCount(emulator.counters());
  };
  try {
    await run(stack, "up");
    const unsettled = await counted();
    emulator.configure({ restorePortal: BENCH_RESTORE_PORTAL });
    const settling = await counted();
    const settled = await counted();
    const providerPageLimit = listingLimit(emulator) ?? 0;
    emulator.configure({ maxPageSize: capPageSize });
    const capped = await counted();
    return { tenants: inputs.tenants, providerPageLimit, unsettled, settling, settled, capped: { maxPageSize: capPageSize, requests: capped } };
  } finally {
    emulator.configure({ restorePortal: before.restorePortal, maxPageSize: before.maxPageSize });
    await stack.dispose();
    emulator.reset();
  }
}
