import { startEmulator } from "../emulator";
import { generateRsaKeyPair } from "../provider/tenant-certificate/keypair";
import { emulatorConfig } from "../test/helpers/emulator-stack";
import { TestStack } from "../test/helpers/engine";
import { ProviderRssWatcher } from "./lib/provider-rss";
import { timed } from "./lib/stats";

export interface OperationTimes {
  up: number;
  preview: number;
  refresh: number;
  destroy: number;
}

export interface FloorRun {
  times: OperationTimes;
  /** Peak RSS of the dynamic-provider process during `pulumi up`: the SDK's own floor. */
  providerPeakRssMb: number;
}

export interface TenantsRun {
  times: OperationTimes;
  /** Token requests made by the whole `pulumi up`. */
  tokensPerUp: number;
  /** Requests made by a preview that finds nothing to change. */
  requestsPerNoChangePreview: number;
  /** Requests made by `pulumi refresh` of every tenant. */
  refreshRequests: number;
  /** Peak RSS of the dynamic-provider process during `pulumi up`. */
  providerPeakRssMb: number;
}

/** What the floor keeps per certificate: a secret PFX and a password of these lengths. */
export interface FloorPayload {
  pfxChars: number;
  passwordChars: number;
}

/**
 * The engine's floor: the tenants program's resources (same count, same dependencies) of a dynamic
 * provider that does nothing. With a payload, the no-op certificates keep a secret PFX and a
 * password of its lengths, which the no-op organizations take as inputs: the state this product
 * cannot do without, which the engine rewrites after every step.
 */
export async function measureFloor(programDir: string, tenants: number, payload?: FloorPayload): Promise<FloorRun> {
  const config = {
    count: { value: String(tenants) },
    ...(payload ? { pfxChars: { value: String(payload.pfxChars) }, passwordChars: { value: String(payload.passwordChars) } } : {}),
  };
  const stack = await TestStack.create({ programDir, config });
  try {
    const watcher = new ProviderRssWatcher();
    const up = await timed(() => stack.up());
    const providerPeakRssMb = watcher.stop();
    const preview = await timed(() => stack.preview({ expectNoChanges: true }));
    const refresh = await timed(() => stack.refresh());
    const destroy = await timed(() => stack.destroy());
    return { times: { up: up.ms, preview: preview.ms, refresh: refresh.ms, destroy: destroy.ms }, providerPeakRssMb };
  } finally {
    await stack.dispose();
  }
}

/** `tenants` certificates and organizations against a fresh emulator, with its request counters. */
export async function measureTenants(programDir: string, tenants: number, imported?: { pfxBase64: string; password: string }): Promise<TenantsRun> {
  const emulator = await startEmulator();
  const stack = await TestStack.create({
    programDir,
    config: {
      ...emulatorConfig(emulator),
      count: { value: String(tenants) },
      ...(imported
        ? { importPfx: { value: imported.pfxBase64, secret: true }, importPassword: { value: imported.password, secret: true } }
        : {}),
    },
  });
  try {
    emulator.resetCounters();
    const watcher = new ProviderRssWatcher();
    const up = await timed(() => stack.up());
    const providerPeakRssMb = watcher.stop();
    const tokensPerUp = emulator.counters().byKind.token ?? 0;

    emulator.resetCounters();
    const preview = await timed(() => stack.preview({ expectNoChanges: true }));
    const requestsPerNoChangePreview = emulator.counters().total;

    emulator.resetCounters();
    const refresh = await timed(() => stack.refresh());
    const refreshRequests = emulator.counters().total;

    const destroy = await timed(() => stack.destroy());
    if (emulator.state().organizations.length !== 0) throw new Error("destroy left organizations on the emulator");
    return {
      times: { up: up.ms, preview: preview.ms, refresh: refresh.ms, destroy: destroy.ms },
      tokensPerUp,
      requestsPerNoChangePreview,
      refreshRequests,
      providerPeakRssMb,
    };
  } finally {
    await stack.dispose();
    await emulator.close();
  }
}

/**
 * The part of `up` that is RSA key generation: as many 2048-bit keys as the stack has tenants,
 * generated concurrently the way the provider process does (Node's thread pool).
 */
export async function measureKeyGeneration(tenants: number): Promise<number> {
  const { ms } = await timed(() => Promise.all(Array.from({ length: tenants }, () => generateRsaKeyPair(2048))));
  return ms;
}
