import { round } from "../lib/stats";
import type { ScaleResults } from "../report/types";
import { growthExponent } from "./growth";

/**
 * The scale run's top-level keys of bench/results.json, named by size so that history compares
 * like with like (a quick run's are named by its own sizes): up1000Seconds, up1000FloorSeconds,
 * noChangePreview1000Seconds, refresh1000Requests, ... for every size, the sharded figures (with
 * their floors) of the first shard count, and the growth exponents from the `baseline` stack to the largest.
 */
export function sizedKeys(scale: ScaleResults, baseline: number): Record<string, number> {
  const keys: Record<string, number> = {};
  const base = scale.sizes.find((size) => size.tenants === baseline);
  const largest = scale.sizes.at(-1)!;
  for (const size of scale.sizes) {
    const n = size.tenants;
    keys[`up${n}Seconds`] = s(size.ours.up);
    keys[`up${n}FloorSeconds`] = s(size.floor.up);
    keys[`noChangePreview${n}Seconds`] = s(size.ours.preview);
    keys[`noChangePreview${n}FloorSeconds`] = s(size.floor.preview);
    keys[`refresh${n}Seconds`] = s(size.ours.refresh);
    keys[`refresh${n}FloorSeconds`] = s(size.floor.refresh);
    keys[`destroy${n}Seconds`] = s(size.ours.destroy);
    keys[`destroy${n}FloorSeconds`] = s(size.floor.destroy);
    keys[`refresh${n}Requests`] = size.requests.refresh.total;
    keys[`tokensPerUp${n}`] = size.requests.up.byKind.token ?? 0;
    keys[`stateMb${n}`] = round(size.oursStateBytes / 2 ** 20);
  }
  const [primary] = scale.sharded;
  if (base && primary) {
    const n = largest.tenants;
    keys[`up${n}ShardedSeconds`] = s(primary.ours.up.wallMs);
    keys[`up${n}ShardedFloorSeconds`] = s(primary.floor.up.wallMs);
    keys[`up${n}ShardedMaxShardSeconds`] = s(Math.max(...primary.ours.up.shardMs));
    keys[`up${n}ShardedShards`] = primary.shards;
    for (const run of scale.sharded) {
      keys[`up${n}Sharded${run.shards}Seconds`] = s(run.ours.up.wallMs);
      keys[`up${n}Sharded${run.shards}MaxShardSeconds`] = s(Math.max(...run.ours.up.shardMs));
      keys[`up${n}Sharded${run.shards}FloorSeconds`] = s(run.floor.up.wallMs);
    }
    keys.upGrowthExponent = growthExponent(base.tenants, base.ours.up, n, largest.ours.up);
    keys.upGrowthExponentFloor = growthExponent(base.tenants, base.floor.up, n, largest.floor.up);
    keys.upGrowthExponentSharded = primary.perShardGrowthExponent;
    keys.upGrowthExponentShardedWall = primary.wallGrowthExponent;
  }
  return keys;
}

function s(ms: number): number {
  return Math.round(ms / 10) / 100;
}
