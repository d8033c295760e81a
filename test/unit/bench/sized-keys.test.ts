import { expect } from "chai";
import { describe, it } from "mocha";
import type { OperationTimes } from "../../../bench/engine";
import type { RequestCount, ScaleResults, ScaleSize, ShardedRun } from "../../../bench/report/types";
import { sizedKeys } from "../../../bench/scale/sized-keys";

const requests: RequestCount = { total: 3, byKind: { token: 1, "organizations.list": 1 } };
const perOperation = { up: requests, preview: requests, refresh: requests, destroy: requests };

function times(up: number): OperationTimes {
  return { up, preview: up / 4, refresh: up / 8, destroy: up / 2 };
}

function size(tenants: number, floorUp: number, oursUp: number): ScaleSize {
  return { tenants, floor: times(floorUp), ours: times(oursUp), floorStateBytes: tenants * 18_000, oursStateBytes: tenants * 22_000, requests: perOperation };
}

function sharded(shards: number, floorWallMs: number, oursWallMs: number): ShardedRun {
  const phase = (wallMs: number) => ({ wallMs, shardMs: Array.from({ length: shards }, () => wallMs / 2) });
  const phases = (wallMs: number) => ({ up: phase(wallMs), preview: phase(wallMs), refresh: phase(wallMs), destroy: phase(wallMs) });
  return { shards, tenantsPerShard: 1000 / shards, concurrency: 2, ours: phases(oursWallMs), floor: phases(floorWallMs), requests: perOperation, perShardGrowthExponent: 1, wallGrowthExponent: 1 };
}

describe("the scale run's keys in bench/results.json", () => {
  const scale: ScaleResults = {
    method: { quick: false, machine: "test", date: "2026-12-07T00:00:00.000Z", durationSeconds: 1, concurrency: 2, providerPageLimit: 500, emulatorMaxPageSize: null },
    baselineTenants: 100,
    sizes: [size(100, 18_000, 22_000), size(1000, 1_000_000, 1_200_000)],
    sharded: [sharded(4, 250_000, 300_000), sharded(8, 150_000, 180_000)],
    cappedRefresh: { tenants: 1000, maxPageSize: 250, requests },
  };

  it("names the 1,000-tenant up as one stack and as shards, each with its floor", () => {
    const keys = sizedKeys(scale, 100);
    expect(keys).to.include({ up1000Seconds: 1200, up1000FloorSeconds: 1000, up1000ShardedSeconds: 300, up1000ShardedFloorSeconds: 250, up1000ShardedShards: 4 });
    expect(keys).to.include({ up1000Sharded8Seconds: 180, up1000Sharded8FloorSeconds: 150, noChangePreview1000Seconds: 300, refresh1000Requests: 3 });
  });

  it("reckons growth from the baseline stack: log(t2 / t1) / log(N2 / N1)", () => {
    const keys = sizedKeys(scale, 100);
    expect(keys.upGrowthExponent).to.be.closeTo(Math.log(1_200_000 / 22_000) / Math.log(10), 0.01);
    expect(keys.upGrowthExponentFloor).to.be.closeTo(Math.log(1_000_000 / 18_000) / Math.log(10), 0.01);
  });
});
