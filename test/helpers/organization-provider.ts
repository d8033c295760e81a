import type * as pulumi from "@pulumi/pulumi";
import { OrganizationProvider } from "../../provider/organization/provider";
import type { OrganizationInputs, OrganizationOutputs } from "../../provider/organization/types";
import { type ConnectionSettings, resolveConnection } from "../../provider/client";
import { expect } from "chai";
import { after, before, beforeEach } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator, type RequestLogEntry } from "../../emulator";
import { requestViolations, responseViolations } from "./emulator-contract";
import { APPLICATION_ID, existingApplicationInputs, makePfx, type TestPfx } from "./tenant-fixtures";
import { ConnectionPool } from "../../provider/common/connection-pool";
import { registerCertificate as registerOnApplication } from "./emulator-fixtures";

/** The customer registers `pfx` on tenant-fixtures' application (emulator-fixtures' registerCertificate, on another application). */
export function registerCertificate(emulator: Emulator, pfx: { thumbprint: string }, organizationName?: string, applicationId = APPLICATION_ID): void {
  registerOnApplication(emulator, pfx, organizationName, applicationId);
}

/** Stack config as the engine hands it to `configure`: every key, secrets decrypted. */
export function stackConfig(values: Record<string, string>): pulumi.dynamic.Config {
  return {
    get: (key: string) => values[key],
    require: (key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`Missing required configuration key: ${key}`);
      return value;
    },
  } as pulumi.dynamic.Config;
}

export function emulatorConfig(emulator: Emulator, apiVersion: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "vb365:url": emulator.url,
    "vb365:username": DEFAULT_USER.name,
    "vb365:password": DEFAULT_USER.password,
    "vb365:apiVersion": apiVersion,
    ...(emulator.caPem ? { "vb365:caCertificate": emulator.caPem } : {}),
    ...extra,
  };
}

/**
 * Connection settings for `emulator`, resolved from stack config as the provider resolves them.
 * An `extra` key set to undefined leaves that setting out (no CA, for instance).
 */
export function emulatorConnection(emulator: Emulator, apiVersion = "v8", extra: Record<string, string | undefined> = {}): ConnectionSettings {
  const config: Record<string, string | undefined> = { ...emulatorConfig(emulator, apiVersion), ...extra };
  return resolveConnection({ config: (key) => config[key], env: {} });
}

/** A provider configured for `emulator`, as the engine would configure it. */
export async function configuredProvider(config: Record<string, string>): Promise<OrganizationProvider> {
  const provider = new OrganizationProvider(new ConnectionPool());
  await provider.configure({ config: stackConfig(config) });
  return provider;
}

/** check then create, the way the engine calls them; fails the test on check failures. */
export async function checkAndCreate(provider: OrganizationProvider, inputs: OrganizationInputs): Promise<{ id: string; outs: OrganizationOutputs }> {
  const checked = await provider.check({} as OrganizationInputs, inputs);
  if (checked.failures?.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const result = await provider.create(checked.inputs!);
  return { id: result.id, outs: result.outs! };
}


/** An existing-application tenant onboarded as in the field: its certificate registered by the customer first, then check and create. */
export async function addExistingApplicationTenant(
  provider: OrganizationProvider,
  emulator: Emulator,
  pfx: TestPfx,
  tenant: string,
  overrides: Partial<OrganizationInputs> = {},
): Promise<{ id: string; outs: OrganizationOutputs }> {
  registerCertificate(emulator, pfx, tenant);
  return checkAndCreate(provider, existingApplicationInputs(pfx, tenant, overrides));
}

export async function checked(provider: OrganizationProvider, inputs: OrganizationInputs): Promise<OrganizationInputs> {
  const result = await provider.check({} as OrganizationInputs, inputs);
  if (result.failures?.length) throw new Error(`check failed: ${JSON.stringify(result.failures)}`);
  return result.inputs!;
}

/** What a provider suite works with: one emulator, reset before each test, and two certificates. */
export interface ProviderWorld {
  readonly emulator: Emulator;
  /** The tenant's certificate. */
  readonly pfx: TestPfx;
  /** Another one, to rotate to. */
  readonly rotated: TestPfx;
}

/**
 * Starts the world in a before() hook of the calling suite and stops it in after(), failing the
 * suite if any body the provider sent, or any answer, breaks Veeam's official schemas.
 */
export function useProviderWorld(): ProviderWorld {
  let world: ProviderWorld | undefined;
  const violations: string[] = [];
  before(async () => {
    const onRequest = (entry: RequestLogEntry) => violations.push(...requestViolations(entry), ...responseViolations(entry));
    const [emulator, pfx, rotated] = await Promise.all([startEmulator({ recordBodies: true, onRequest }), makePfx(), makePfx()]);
    world = { emulator, pfx, rotated };
  });
  after(async () => {
    await world?.emulator.close();
    expect(violations, "requests and answers that break the OpenAPI contract").to.deep.equal([]);
  });
  beforeEach(() => world?.emulator.reset());
  const current = (): ProviderWorld => {
    if (!world) throw new Error("useProviderWorld: the world starts in a before() hook; use it inside tests.");
    return world;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get pfx() {
      return current().pfx;
    },
    get rotated() {
      return current().rotated;
    },
  };
}
