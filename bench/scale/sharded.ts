import type { Emulator } from "../../emulator";
import { TestStack } from "../../test/helpers/engine";
import { OPERATIONS, type Operation, programConfig, run } from "../engine";
import type { ConsumerBench } from "../lib/consumer-project";
import { registerPfxFile } from "../lib/pfx-file";
import { inPool } from "../lib/pool";
import { timed } from "../lib/stats";
import type { RequestCount, ShardedPhase } from "../report/types";
import { requestCount } from "./counts";

export interface ShardedLifecycle {
  phases: Record<Operation, ShardedPhase>;
  /** Over all shards of each phase; only when the program talks to an emulator. */
  requests?: Record<Operation, RequestCount>;
}

/**
 * `total` tenants split into `shards` stacks of total / shards tenants (tenant names apart by
 * offset), each stack with its own file-backend directory and PULUMI_HOME, as separate CI jobs
 * would have. Each operation runs over every shard, `concurrency` at a time, before the next
 * operation starts: the wall time of the phase and each shard's own time are kept. With an
 * emulator, the shards share it, as they would share one VB365 server.
 */
export async function measureSharded(
  project: ConsumerBench,
  program: "tenants" | "noop",
  options: { total: number; shards: number; concurrency: number; pfxFile: string; emulator?: Emulator },
): Promise<ShardedLifecycle> {
  const perShard = options.total / options.shards;
  if (!Number.isInteger(perShard)) throw new Error(`${options.total} tenants do not split into ${options.shards} equal shards.`);
  const stacks: TestStack[] = [];
  try {
    for (let shard = 0; shard < options.shards; shard++) {
      const config = programConfig({ tenants: perShard, offset: shard * perShard, pfxFile: options.pfxFile }, options.emulator);
      stacks.push(await TestStack.create({ programDir: project.programDir(program), config }));
    }
    options.emulator?.reset();
    // The shards' one certificate, trusted by their application before anything is timed.
    if (options.emulator) registerPfxFile(options.emulator, options.pfxFile);
    const phases = {} as Record<Operation, ShardedPhase>;
    const requests = {} as Record<Operation, RequestCount>;
    for (const operation of OPERATIONS) {
      options.emulator?.resetCounters();
      const jobs = stacks.map((stack) => async () => (await timed(() => run(stack, operation))).ms);
      const { ms: wallMs, result: shardMs } = await timed(() => inPool(jobs, options.concurrency));
      phases[operation] = { wallMs, shardMs };
      if (options.emulator) requests[operation] = requestCount(options.emulator.counters());
    }
    if (options.emulator && options.emulator.state().organizations.length !== 0) throw new Error("the sharded destroy left organizations on the emulator");
    return { phases, ...(options.emulator ? { requests } : {}) };
  } finally {
    for (const stack of stacks) await stack.dispose();
  }
}
