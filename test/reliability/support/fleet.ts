import * as crypto from "node:crypto";
import * as path from "node:path";
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../../emulator";
import { resolveConnection, type Vb365Client } from "../../../provider/client";
import { deviceCodeLogin } from "../../../provider/device-code";
import { TestStack } from "../../helpers/engine";
import { emulatorClient } from "../../helpers/emulator-stack";
import { revealed } from "../../helpers/secrets-scan";
import { type EngineRun, EngineRunner } from "./engine-runner";
import { takeInventory, type Inventory, type TrackedOrganization } from "./inventory";
import { RequestHooks } from "./request-hooks";
import { results } from "./results";
import type { SecretFinding, SecretScanner } from "./secrets";

export type { EngineRun } from "./engine-runner";

const PROGRAM_DIR = path.join(__dirname, "..", "programs", "fleet");
const ORGANIZATION_TYPE = "pulumi-nodejs:dynamic/vb365:Organization";
const CERTIFICATE_TYPE = "pulumi-nodejs:dynamic/vb365:TenantCertificate";

/** The per-request timeout of the fleet's provider: low, so that latency faults exceed it. */
export const TIMEOUT_SECONDS = 3;

/**
 * Tenants per fleet: the three special kinds plus nine existing-application tenants, enough for
 * every mix of shared and own certificates over v7 and v8 and for faults to fire mid-run.
 */
export const FLEET_SIZE = 12;

/** How the fleet's tenants hold their certificates and which servers they are on. */
export interface FleetVariant {
  /** Names the fleet in test titles and the report. */
  label: string;
  /** The fleet program's `certificates` knob (programs/fleet/index.ts). */
  certificates: "per-tenant" | "shared" | "mixed";
  /** The odd-numbered existing-application tenants go over the v7 connection. */
  split: boolean;
  /**
   * Whether the fault matrix adds its persistent cases here (the first run fails clearly, the
   * next converges): they prove messages and convergence, not identity, so one fleet runs them.
   */
  persistentFaults: boolean;
}

/**
 * The fleets the fault matrix and the kill cases run on. Providers often run one multi-tenant
 * application with one certificate for every customer, so a fleet where each tenant has its own
 * would hide every mix-up of tenants that a shared certificate makes possible.
 */
export const ALL_FLEET_VARIANTS: readonly FleetVariant[] = [
  { label: "mixed: per-tenant and shared certificates, v7 and v8", certificates: "mixed", split: true, persistentFaults: false },
  { label: "shared: one application and one certificate for every tenant, v7 and v8", certificates: "shared", split: true, persistentFaults: true },
];

/**
 * The fleets this process runs: all of them, or those RELIABILITY_FLEETS names by `certificates`
 * (comma-separated), which is how test/reliability/run.ts gives each fleet a process of its own.
 */
export const FLEET_VARIANTS: readonly FleetVariant[] = selectedFleets(process.env.RELIABILITY_FLEETS);

function selectedFleets(names: string | undefined): readonly FleetVariant[] {
  if (!names) return ALL_FLEET_VARIANTS;
  return names.split(",").map((name) => {
    const variant = ALL_FLEET_VARIANTS.find((candidate) => candidate.certificates === name.trim());
    if (!variant) throw new Error(`RELIABILITY_FLEETS names "${name}"; the fleets are ${ALL_FLEET_VARIANTS.map((known) => known.certificates).join(", ")}`);
    return variant;
  });
}

function secretValue(): string {
  return `rel-${crypto.randomBytes(12).toString("base64url")}`;
}

/**
 * FLEET_SIZE tenants (test/reliability/programs/fleet) on one stack and one emulator, kept for the
 * whole suite: certificates are created once, cases act on organizations. Every engine run goes
 * through an EngineRunner, which scans what it left behind for every secret used.
 */
export class Fleet {
  private teams = false;
  private readonly runner: EngineRunner;
  /** Certificate resources after the first up: none may be lost by any case. */
  expectedCertificates = 0;

  private constructor(
    readonly emulator: Emulator,
    readonly stack: TestStack,
    readonly client: Vb365Client,
    readonly hooks: RequestHooks,
    readonly secrets: SecretScanner,
    readonly count: number,
    /** The vb365: settings as the provider's `configure` receives them: plain text. */
    readonly providerConfig: Record<string, string>,
    readonly variant: FleetVariant,
  ) {
    this.runner = new EngineRunner(stack);
  }

  static async start(variant: FleetVariant = FLEET_VARIANTS[0], count = FLEET_SIZE): Promise<Fleet> {
    const hooks = new RequestHooks();
    const service = { name: "svc-reliability", password: secretValue() };
    const legacy = { name: "svc-legacy", password: secretValue() };
    // Bodies (secrets redacted) let a hook tell one tenant's create from another's.
    const emulator = await startEmulator({ users: [DEFAULT_USER, service, legacy], onRequest: hooks.onRequest, recordBodies: true, maxLogEntries: 2_000 });
    // The customer signs in a moment after the code is issued, so the wait polls a few times.
    emulator.configure({ autoApproveDeviceCodesMs: 300, autoApproveOrganizationName: "tenant0.onmicrosoft.com" });
    const secrets = results.secrets;
    const accountPassword = secretValue();
    const applicationSecret = secretValue();
    secrets.add("VB365 password (vb365:password)", service.password);
    secrets.add("VB365 password (vb365:connections.legacy.password)", legacy.password);
    secrets.add("account password", accountPassword);
    secrets.add("application secret", applicationSecret);
    const connections = {
      legacy: { url: emulator.url, username: legacy.name, password: legacy.password, apiVersion: "v7", caCertificate: emulator.caPem, timeoutSeconds: TIMEOUT_SECONDS },
    };
    const config: ConfigMap = {
      "vb365:url": { value: emulator.url },
      "vb365:username": { value: service.name },
      "vb365:password": { value: service.password, secret: true },
      "vb365:apiVersion": { value: "v8" },
      "vb365:caCertificate": { value: emulator.caPem! },
      "vb365:timeoutSeconds": { value: String(TIMEOUT_SECONDS) },
      "vb365:connections": { value: JSON.stringify(connections), secret: true },
      count: { value: String(count) },
      mix: { value: "full" },
      certificates: { value: variant.certificates },
      split: { value: String(variant.split) },
      teams: { value: "false" },
      accountPassword: { value: accountPassword, secret: true },
      applicationSecret: { value: applicationSecret, secret: true },
    };
    const stack = await TestStack.create({ programDir: PROGRAM_DIR, stackName: `fleet-${process.pid}-${crypto.randomBytes(3).toString("hex")}`, config });
    const providerConfig = Object.fromEntries(Object.entries(config).filter(([key]) => key.startsWith("vb365:")).map(([key, entry]) => [key, entry.value]));
    return new Fleet(emulator, stack, emulatorClient(emulator), hooks, secrets, count, providerConfig, variant);
  }

  /** The organizations the program declares, by Microsoft 365 name. */
  declared(): string[] {
    return Array.from({ length: this.count }, (_, i) => `tenant${i}.onmicrosoft.com`);
  }

  get teamsOnline(): boolean {
    return this.teams;
  }

  /** The input change of update cases: Teams on or off for every organization. */
  async toggleTeams(): Promise<void> {
    this.teams = !this.teams;
    await this.stack.stack.setConfig("teams", { value: String(this.teams) });
  }

  /** Tenants whose organization the program lets adopt an existing one (adoptExisting). */
  async setAdopt(tenants: string[]): Promise<void> {
    await this.stack.stack.setConfig("adopt", { value: JSON.stringify(tenants) });
  }

  /**
   * `vb365 device-code` as a library call: a code signed in by the emulator's customer to
   * `signedInTo` (tenant0, whose organization uses it, unless a case plays a wrong-tenant
   * sign-in), stored as the stack secret the program reads. Throws what the library throws.
   */
  async signIn(signedInTo = "tenant0.onmicrosoft.com"): Promise<string> {
    this.emulator.configure({ autoApproveOrganizationName: signedInTo });
    const connection = resolveConnection({
      config: (key) =>
        ({
          "vb365:url": this.emulator.url,
          "vb365:username": DEFAULT_USER.name,
          "vb365:password": DEFAULT_USER.password,
          "vb365:caCertificate": this.emulator.caPem,
          "vb365:timeoutSeconds": String(TIMEOUT_SECONDS),
        })[key],
      env: {},
    });
    const result = await deviceCodeLogin({
      connection,
      region: "Worldwide",
      pollIntervalMs: 200,
      timeoutMs: 60_000,
      onVerification: (verification) => this.secrets.add(`device code ${verification.userCode.slice(0, 2)}…`, verification.userCode),
    });
    await this.stack.stack.setConfig("userCode", { value: result.userCode, secret: true });
    return result.userCode;
  }

  up(name: string): Promise<EngineRun> {
    return this.runner.up(name);
  }

  refresh(name: string): Promise<EngineRun> {
    return this.runner.refresh(name);
  }

  preview(name: string): Promise<EngineRun> {
    return this.runner.preview(name);
  }

  /** `pulumi destroy --target` of every organization: the certificates stay. */
  destroyOrganizations(name: string): Promise<EngineRun> {
    const target = this.tracked().map((organization) => organization.urn);
    // Without targets, destroy would take the certificates too.
    if (target.length === 0) throw new Error(`${name}: no organization left to destroy`);
    return this.runner.destroy(name, target);
  }

  /** Scans the output of a command the suite ran itself (the CLI spawned for interruption). */
  scanCommand(name: string, output: string): SecretFinding[] {
    return this.runner.scanCommand(name, output);
  }

  /** Organizations the checkpoint tracks. */
  tracked(): TrackedOrganization[] {
    return this.stack
      .resources()
      .filter((resource) => resource.type === ORGANIZATION_TYPE && resource.id)
      .map((resource) => {
        const tenant = resource.urn.split("::").pop()!;
        return { urn: resource.urn, id: resource.id!, name: String(resource.outputs?.name ?? ""), declared: `${tenant}.onmicrosoft.com` };
      });
  }

  certificates(): number {
    return this.stack.resources().filter((resource) => resource.type === CERTIFICATE_TYPE).length;
  }

  inventory(expected: string[] = this.declared()): Inventory {
    return takeInventory(this.emulator.state().organizations, expected, this.tracked());
  }

  /** Every PFX, its password and its key join the secrets looked for; certificates never change afterwards. */
  async registerCertificateSecrets(): Promise<void> {
    const exported = await this.stack.stack.exportStack();
    for (const resource of exported.deployment.resources ?? []) {
      if (resource.type !== CERTIFICATE_TYPE) continue;
      const pfx = revealed(resource.outputs?.pfxBase64);
      const password = revealed(resource.outputs?.password);
      if (typeof pfx !== "string" || typeof password !== "string") throw new Error(`${resource.urn} has no PFX in state`);
      this.secrets.addPfx(String(resource.urn).split("::").pop()!, pfx, password);
    }
  }

  async dispose(): Promise<void> {
    this.hooks.clear();
    await this.stack.dispose();
    await this.client.close();
    await this.emulator.close();
  }
}
