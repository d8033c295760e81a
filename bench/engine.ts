import * as path from "node:path";
import { DEFAULT_USER, startEmulator } from "../emulator";
import { resolveConnection, Vb365Client } from "../provider/client";
import { generateRsaKeyPair } from "../provider/tenant-certificate/keypair";
import { TestStack } from "../test/helpers/engine";
import { ProviderRssWatcher } from "./lib/provider-rss";
import { timed } from "./lib/stats";

export interface OperationTimes {
  up: number;
  preview: number;
  refresh: number;
  destroy: number;
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

const TENANTS_PROGRAM = path.join(__dirname, "..", "test", "engine", "programs", "organizations");
const NOOP_PROGRAM = path.join(__dirname, "programs", "noop");

/** The engine's floor: the same number of resources, of a dynamic provider that does nothing. */
export async function measureFloor(tenants: number): Promise<OperationTimes> {
  const stack = await TestStack.create({ programDir: NOOP_PROGRAM, config: { count: { value: String(tenants) } } });
  try {
    return await operations(stack);
  } finally {
    await stack.dispose();
  }
}

/** `tenants` certificates and organizations against a fresh emulator, with its request counters. */
export async function measureTenants(tenants: number): Promise<TenantsRun> {
  const emulator = await startEmulator();
  const config = (key: string) =>
    ({ "vb365:url": emulator.url, "vb365:username": DEFAULT_USER.name, "vb365:password": DEFAULT_USER.password, "vb365:caCertificate": emulator.caPem })[key];
  const client = new Vb365Client(resolveConnection({ config, env: {} }));
  const code = await client.createDeviceCode("Worldwide");
  emulator.approveDeviceCode(code.userCode, "fabrikam.onmicrosoft.com");
  await client.close();
  const stack = await TestStack.create({
    programDir: TENANTS_PROGRAM,
    config: {
      "vb365:url": { value: emulator.url },
      "vb365:username": { value: DEFAULT_USER.name },
      "vb365:password": { value: DEFAULT_USER.password, secret: true },
      "vb365:caCertificate": { value: emulator.caPem! },
      count: { value: String(tenants) },
      userCode: { value: code.userCode, secret: true },
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

async function operations(stack: TestStack): Promise<OperationTimes> {
  const up = await timed(() => stack.up());
  const preview = await timed(() => stack.preview({ expectNoChanges: true }));
  const refresh = await timed(() => stack.refresh());
  const destroy = await timed(() => stack.destroy());
  return { up: up.ms, preview: preview.ms, refresh: refresh.ms, destroy: destroy.ms };
}
