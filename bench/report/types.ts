import type { CertificateFigures } from "../certificate-vs-openssl";
import type { OperationTimes } from "../engine";

/** Requests the emulator counted in one operation. */
export interface RequestCount {
  total: number;
  byKind: Record<string, number>;
}

/** Where, when and under what load a part of the results was measured. */
export interface RunMethod {
  quick: boolean;
  machine: string;
  /** The 1-minute load average when the run started and when it ended (other work shares the machine); absent before December 2026. */
  loadAverageAtStart?: number;
  loadAverageAtEnd?: number;
  date: string;
  durationSeconds: number;
  /** The commit the run measured, "+dirty" when the working tree had uncommitted changes; absent before December 2026. */
  revision?: string;
  /** Sessions the run took: more than 1 when it was stopped from outside and resumed (BENCH_RESUME=1). */
  sessions?: number;
}

/** One size of `npm run bench`: key-generating runs (as before) and importing runs side by side. */
export interface SizeFigures {
  tenants: number;
  floor: OperationTimes;
  /** The same no-op resources without the PFX and password: context for the state's share. */
  bareFloor: OperationTimes;
  ours: OperationTimes;
  keyGenerationMs: number;
  tokensPerUp: number;
  requestsPerNoChangePreview: number;
  refreshRequests: number;
  providerPeakRssMb: number;
  floorProviderPeakRssMb: number;
  /** The floor carrying the imported PFXs (bench/consumer/noop.ts with pfxFile); absent in results written before it existed. */
  importedFloor?: OperationTimes;
  /** Ours with each tenant's PFX made before the run and imported. */
  importedOurs?: OperationTimes;
  importedRuns?: number;
  importedFloorStateBytes?: number;
  importedOursStateBytes?: number;
}

/** The headline: N = 100, ours importing PFXs made before the run, against the floor carrying them. */
export interface Headline {
  tenants: number;
  runs: number;
  floorUpMs: number[];
  oursUpMs: number[];
  /** ours / floor of each pair (floor first in odd runs, ours first in even ones). */
  pairRatios: number[];
  floorStateBytes: number;
  oursStateBytes: number;
  method: RunMethod & { only?: "ratio" };
}

/** One operation of a stack of `tenants`, single stack. */
export interface ScaleSize {
  tenants: number;
  floor: OperationTimes;
  ours: OperationTimes;
  floorStateBytes: number;
  oursStateBytes: number;
  requests: Record<keyof OperationTimes, RequestCount>;
}

/** An operation run over every shard, `concurrency` at a time. */
export interface ShardedPhase {
  wallMs: number;
  shardMs: number[];
}

export interface ShardedRun {
  shards: number;
  tenantsPerShard: number;
  concurrency: number;
  ours: Record<keyof OperationTimes, ShardedPhase>;
  floor: Record<keyof OperationTimes, ShardedPhase>;
  /** Over all shards of the phase (one emulator stands for the one VB365 server they share). */
  requests: Record<keyof OperationTimes, RequestCount>;
  /** log(slowest shard's up / baseline stack's up) / log(shard size / baseline size). */
  perShardGrowthExponent: number;
  /** log(wall time of the sharded up / baseline stack's up) / log(total / baseline size). */
  wallGrowthExponent: number;
}

export interface ScaleResults {
  method: RunMethod & { concurrency: number; providerPageLimit: number; emulatorMaxPageSize: number | null };
  /** The single stack growth is reckoned from. */
  baselineTenants: number;
  sizes: ScaleSize[];
  sharded: ShardedRun[];
  /** A second refresh of the largest stack with the emulator's pages capped, to show paging. */
  cappedRefresh: { tenants: number; maxPageSize: number; requests: RequestCount };
}

/**
 * What `BENCH_ONLY=refresh npm run bench:scale` counts: the refreshes of one stack of `tenants`
 * (bench/scale/refresh-counts.ts), by the state of its tenants' Restore Portal step.
 */
export interface RefreshCounts {
  method: RunMethod;
  tenants: number;
  /** The `limit` the provider sent in its organization listings. */
  providerPageLimit: number;
  /** The server has no Restore Portal: every tenant's portal step still waits for it. */
  unsettled: RequestCount;
  /** The portal just turned on: the refresh that settles every tenant's step. */
  settling: RequestCount;
  /** Every tenant's portal step settled. */
  settled: RequestCount;
  /** Settled, with the emulator's pages capped. */
  capped: { maxPageSize: number; requests: RequestCount };
}

/**
 * bench/results.json. `npm run bench` writes the engine figures and the headline, `npm run
 * bench:scale` the scale figures (keys named by size, e.g. up1000Seconds); each run merges into
 * what the file holds, so neither drops the other's keys.
 */
export interface BenchResults {
  upOverFloorRatio?: number;
  tokensPerUp?: number;
  requestsPerNoChangePreview?: number;
  refreshRequestsFor100?: number;
  certificateOverOpensslRatio?: number;
  providerPeakRssMb?: number;
  upOverFloorRatioWithoutKeyGeneration?: number;
  upOverBareFloorRatio?: number;
  upOverFloorRatioKeyGenerationSubtracted?: number;
  floorPfxChars?: number;
  floorPasswordChars?: number;
  floorProviderPeakRssMb?: number;
  goals?: Record<string, number>;
  method?: RunMethod & { runsPerSize: number; statistic: string; certificateRuns: number };
  headline?: Headline;
  sizes?: SizeFigures[];
  certificates?: CertificateFigures;
  scale?: ScaleResults;
  refreshCounts?: RefreshCounts;
  /** The scale run's figures named by size (up1000Seconds, refresh1000Requests, ...). */
  [sized: string]: unknown;
}
