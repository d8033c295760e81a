import type { Emulator } from "../../emulator";
import type { ConsumerBench } from "../lib/consumer-project";
import type { ScaleSize, ShardedRun } from "../report/types";
import { growthExponent } from "./growth";
import { measureSharded } from "./sharded";

/**
 * The floor and ours over the same shards (floor first when there are 4k shards, ours first
 * otherwise, so neither always meets the later load), with the growth exponents against
 * `baseline`, a single stack.
 */
export async function shardedRun(
  project: ConsumerBench,
  emulator: Emulator,
  options: { total: number; shards: number; concurrency: number; pfxFile: string },
  baseline: ScaleSize,
): Promise<ShardedRun> {
  const floorFirst = options.shards % 8 !== 0;
  const floor = () => measureSharded(project, "noop", options);
  const ours = () => measureSharded(project, "tenants", { ...options, emulator });
  const floorRun = floorFirst ? await floor() : undefined;
  const oursRun = await ours();
  const floorResult = floorRun ?? (await floor());
  const tenantsPerShard = options.total / options.shards;
  const up = oursRun.phases.up;
  return {
    shards: options.shards,
    tenantsPerShard,
    concurrency: options.concurrency,
    ours: oursRun.phases,
    floor: floorResult.phases,
    requests: oursRun.requests!,
    perShardGrowthExponent: growthExponent(baseline.tenants, baseline.ours.up, tenantsPerShard, Math.max(...up.shardMs)),
    wallGrowthExponent: growthExponent(baseline.tenants, baseline.ours.up, options.total, up.wallMs),
  };
}
