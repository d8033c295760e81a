import * as fs from "node:fs";
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { type Counters, type Emulator, startEmulator } from "../emulator";
import { registerPfxFile } from "./lib/pfx-file";
import { generateRsaKeyPair } from "../provider/tenant-certificate/keypair";
import { emulatorConfig } from "../test/helpers/emulator-stack";
import { TestStack } from "../test/helpers/engine";
import { ProviderRssWatcher } from "./lib/provider-rss";
import { timed } from "./lib/stats";

export const OPERATIONS = ["up", "preview", "refresh", "destroy"] as const;
export type Operation = (typeof OPERATIONS)[number];
export type OperationTimes = Record<Operation, number>;

/** What the floor keeps per certificate when it has no PFX file: secrets of a generated certificate's lengths. */
export interface FloorPayload {
  pfxChars: number;
  passwordChars: number;
}

/** The config both programs (bench/consumer) read. */
export interface ProgramInputs {
  tenants: number;
  /** Index of the first tenant, so that the shards of one fleet name their tenants apart. */
  offset?: number;
  /** JSON file of PFXs the certificates import (bench/lib/pfx-file.ts); the floor carries the same. */
  pfxFile?: string;
  /** Floor only, without `pfxFile`: secrets of these lengths made by the no-op certificate. */
  payload?: FloorPayload;
}

export interface FloorRun {
  times: OperationTimes;
  /** Peak RSS of the dynamic-provider process during `pulumi up`: the SDK's own floor. */
  providerPeakRssMb: number;
  /** Size of the checkpoint after `up`: what the engine rewrites after every step. */
  stateBytes: number;
}

export interface TenantsRun extends FloorRun {
  /** Token requests made by the whole `pulumi up`. */
  tokensPerUp: number;
  /** Requests made by a preview that finds nothing to change. */
  requestsPerNoChangePreview: number;
  /** Requests made by `pulumi refresh` of every tenant. */
  refreshRequests: number;
  /** The emulator's counters of each operation, reset before it. */
  requests: Record<Operation, Counters>;
}

export interface MeasureOptions {
  /** Sample the provider's peak RSS during up (polls /proc every 100 ms). Default true. */
  watchRss?: boolean;
}

export interface TenantsOptions extends MeasureOptions {
  /** The server the program talks to; default a fresh emulator, closed afterwards. */
  emulator?: Emulator;
  /** Untimed work after an operation, on the stack as that operation left it. */
  afterOperation?: (operation: Operation, stack: TestStack, emulator: Emulator) => Promise<void>;
}

/** Stack config of a program run with `inputs`, pointed at `emulator` when there is one. */
export function programConfig(inputs: ProgramInputs, emulator?: Emulator): ConfigMap {
  const config: ConfigMap = { ...(emulator ? emulatorConfig(emulator) : {}), count: { value: String(inputs.tenants) } };
  if (inputs.offset !== undefined) config.offset = { value: String(inputs.offset) };
  if (inputs.pfxFile !== undefined) config.pfxFile = { value: inputs.pfxFile };
  if (inputs.payload !== undefined) {
    config.pfxChars = { value: String(inputs.payload.pfxChars) };
    config.passwordChars = { value: String(inputs.payload.passwordChars) };
  }
  return config;
}

/**
 * The engine's floor: the tenants program's resources (same count, same dependencies) of a dynamic
 * provider that does nothing, carrying what `inputs` says (bench/consumer/noop.ts).
 */
export async function measureFloor(programDir: string, inputs: ProgramInputs, options: MeasureOptions = {}): Promise<FloorRun> {
  const stack = await TestStack.create({ programDir, config: programConfig(inputs) });
  try {
    const watcher = options.watchRss === false ? undefined : new ProviderRssWatcher();
    const up = await timed(() => stack.up());
    const providerPeakRssMb = watcher?.stop() ?? 0;
    const stateBytes = checkpointBytes(stack);
    const preview = await timed(() => stack.preview({ expectNoChanges: true }));
    const refresh = await timed(() => stack.refresh());
    const destroy = await timed(() => stack.destroy());
    return { times: { up: up.ms, preview: preview.ms, refresh: refresh.ms, destroy: destroy.ms }, providerPeakRssMb, stateBytes };
  } finally {
    await stack.dispose();
  }
}

/**
 * `inputs.tenants` certificates and organizations against the emulator, with its counters of each
 * operation. With `pfxFile`, the application trusts its certificates before anything is timed.
 * Without it the certificates are made by the timed up itself, so nobody could have registered
 * them before: that run's emulator does not check Entra's trust (entraTrust: false), since what it
 * times is key generation and the engine; the imported runs and the test suites run with it.
 */
export async function measureTenants(programDir: string, inputs: ProgramInputs, options: TenantsOptions = {}): Promise<TenantsRun> {
  const emulator = options.emulator ?? (await startEmulator(inputs.pfxFile === undefined ? { entraTrust: false } : {}));
  if (inputs.pfxFile !== undefined) registerPfxFile(emulator, inputs.pfxFile);
  const stack = await TestStack.create({ programDir, config: programConfig(inputs, emulator) });
  try {
    const requests = {} as Record<Operation, Counters>;
    const times = {} as OperationTimes;
    let providerPeakRssMb = 0;
    let stateBytes = 0;
    for (const operation of OPERATIONS) {
      emulator.resetCounters();
      const watcher = operation === "up" && options.watchRss !== false ? new ProviderRssWatcher() : undefined;
      times[operation] = (await timed(() => run(stack, operation))).ms;
      requests[operation] = emulator.counters();
      if (watcher) providerPeakRssMb = watcher.stop();
      if (operation === "up") stateBytes = checkpointBytes(stack);
      await options.afterOperation?.(operation, stack, emulator);
    }
    if (emulator.state().organizations.length !== 0) throw new Error("destroy left organizations on the emulator");
    return {
      times,
      providerPeakRssMb,
      stateBytes,
      tokensPerUp: requests.up.byKind.token ?? 0,
      requestsPerNoChangePreview: requests.preview.total,
      refreshRequests: requests.refresh.total,
      requests,
    };
  } finally {
    await stack.dispose();
    if (!options.emulator) await emulator.close();
  }
}

/** One operation; a preview must find nothing to change, or the figure would time the wrong work. */
export async function run(stack: TestStack, operation: Operation): Promise<void> {
  if (operation === "preview") await stack.preview({ expectNoChanges: true });
  else await stack[operation]();
}

export function checkpointBytes(stack: TestStack): number {
  return fs.statSync(stack.stateFilePath()).size;
}

/**
 * The part of `up` that is RSA key generation: as many 2048-bit keys as the stack has tenants,
 * generated concurrently the way the provider process does (Node's thread pool).
 */
export async function measureKeyGeneration(tenants: number): Promise<number> {
  const { ms } = await timed(() => Promise.all(Array.from({ length: tenants }, () => generateRsaKeyPair(2048))));
  return ms;
}
