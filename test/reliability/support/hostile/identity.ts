import { DEFAULT_USER, startEmulator, type Emulator } from "../../../../emulator";
import { Vb365Client } from "../../../../provider/client";
import type { OrganizationProvider } from "../../../../provider/organization/provider";
import type { OrganizationInputs } from "../../../../provider/organization/types";
import { pfxFixture } from "../../../helpers/emulator-fixtures";
import { checkAndCreate, configuredProvider, emulatorConfig, emulatorConnection, registerCertificate } from "../../../helpers/organization-provider";
import { existingApplicationInputs, newApplicationInputs, type TestPfx } from "../../../helpers/tenant-fixtures";
import { SecretScanner } from "../secrets";
import type { HostileCase, HostileOutcome } from "./case";

const AREA = "tenant identity";
/** The customer whose organization already carries the shared certificate. */
const OTHER_TENANT = "t1.onmicrosoft.com";

/**
 * A service provider's server: one multi-tenant application and its certificate shared by every
 * tenant, another customer's organization already on it, and a provider configured for it.
 */
interface SharedServer {
  emulator: Emulator;
  provider: OrganizationProvider;
  shared: TestPfx;
  other: { id: string; name: string };
  /** Every secret the attack could echo: the admin password, the shared PFX and its password, device codes. */
  secrets: SecretScanner;
}

const SHARED_PFX_PASSWORD = "Shared-App-Passw0rd!";

/** What every case stages with: the shared certificate, and the secrets an attack could echo. */
interface Staging {
  shared: TestPfx;
  /** The admin password, the shared PFX and its password; each case adds its device code. */
  secrets: SecretScanner;
}

/**
 * The staging's one-time costs, not the attack's: the shared certificate's RSA key, what the
 * scanner looks for inside it, and the emulator's TLS key, made while the cases before these run.
 * Each case awaits it first.
 */
let staged: Promise<Staging> | undefined;

function staging(): Promise<Staging> {
  if (!staged) {
    staged = stage();
    // Awaited by every case; this only keeps a failure from being reported as unhandled first.
    void staged.catch(() => undefined);
  }
  return staged;
}

async function stage(): Promise<Staging> {
  const fixture = pfxFixture({ password: SHARED_PFX_PASSWORD });
  const shared: TestPfx = { pfxBase64: fixture.base64, password: fixture.password, thumbprint: fixture.thumbprint };
  const secrets = new SecretScanner();
  secrets.add("VB365 admin password", DEFAULT_USER.password);
  secrets.addPfx("the shared certificate", shared.pfxBase64, shared.password);
  await (await startEmulator()).close();
  return { shared, secrets };
}

/** Hostile inputs of the identity area: a shared certificate or a device code must never bind one tenant's resource to another's organization. */
export function identityCases(): HostileCase[] {
  void staging();
  return [
    {
      id: "a create on the shared certificate that names no tenant, refused 409, beside another tenant's organization that carries it",
      area: AREA,
      run: () =>
        onSharedServer(async (server) => {
          server.emulator.injectFault({ kind: "organizations.create", status: 409, message: "The organization has already been added.", times: 1 });
          return attempt(server, () => checkAndCreate(server.provider, unnamedInputs(server.shared)));
        }),
    },
    {
      id: "a create on the shared certificate that names no tenant (an account without its domain), refused 400 by VB365",
      area: AREA,
      run: () => onSharedServer((server) => attempt(server, () => checkAndCreate(server.provider, unnamedInputs(server.shared)))),
    },
    {
      id: "a create on the shared certificate that names no tenant, whose answer is lost (reset after VB365 handled it): not sent again",
      area: AREA,
      run: () =>
        onSharedServer(async (server) => {
          server.emulator.resetCounters();
          server.emulator.injectFault({ kind: "organizations.create", reset: "after", times: 1 });
          const outcome = await attempt(server, () => checkAndCreate(server.provider, unnamedInputs(server.shared)));
          // A second POST could only be refused for what the first one added, and be reported as changing nothing.
          const posts = server.emulator.counters().byKind["organizations.create"] ?? 0;
          const message = posts === 1 ? outcome.message : `${outcome.message} (the create was sent ${posts} times)`;
          return { ...outcome, refused: outcome.refused && posts === 1, message };
        }),
    },
    {
      id: "adoptExisting that names no tenant, where exactly one organization carries the certificate",
      area: AREA,
      run: () =>
        onSharedServer(async (server) => {
          // check refuses it at preview; create must refuse it as well, whatever reaches it.
          const checked = await server.provider.check({}, unnamedInputs(server.shared));
          return attempt(server, async () => server.provider.create({ ...checked.inputs!, adoptExisting: true }));
        }),
    },
    {
      id: "a device code without organizationName, at preview: refused before any request",
      area: AREA,
      run: () =>
        onSharedServer(async (server) => {
          const userCode = await signedInCode(server);
          server.emulator.resetCounters();
          const checked = await server.provider.check({}, newApplicationInputs(server.shared, userCode, { organizationName: undefined }));
          const failure = checked.failures?.find((candidate) => candidate.property === "organizationName");
          const requests = server.emulator.counters().total;
          const message = failure ? `${failure.property}: ${failure.reason}` : `check passed: ${JSON.stringify(checked.failures ?? [])}`;
          return report(server, { refused: !!failure && requests === 0, message: withRequests(message, requests), bound: [] });
        }),
    },
    {
      id: "a device code without organizationName reaching create: refused before the POST, the code left unused",
      area: AREA,
      run: () =>
        onSharedServer(async (server) => {
          const userCode = await signedInCode(server);
          const checked = await server.provider.check({}, newApplicationInputs(server.shared, userCode));
          server.emulator.resetCounters();
          const outcome = await attempt(server, async () => server.provider.create({ ...checked.inputs!, organizationName: undefined }));
          const requests = server.emulator.counters().total;
          const used = server.emulator.deviceCodes().some((code) => code.userCode === userCode && code.used);
          return { ...outcome, refused: outcome.refused && requests === 0 && !used, message: withRequests(outcome.message, requests) };
        }),
    },
  ];
}

async function onSharedServer(attack: (server: SharedServer) => Promise<HostileOutcome>): Promise<HostileOutcome> {
  const { shared, secrets } = await staging();
  const emulator = await startEmulator();
  try {
    // The provider's multi-tenant application carries the shared certificate once, for every tenant.
    registerCertificate(emulator, shared);
    const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
    const { id } = await checkAndCreate(provider, existingApplicationInputs(shared, OTHER_TENANT));
    return await attack({ emulator, provider, shared, other: { id, name: OTHER_TENANT }, secrets });
  } finally {
    await emulator.close();
  }
}

/** An existing-application tenant on the shared certificate whose inputs name no tenant: its accounts lack the domain. */
function unnamedInputs(shared: TestPfx): OrganizationInputs {
  const inputs = existingApplicationInputs(shared, OTHER_TENANT);
  const { officeOrganizationName: _name, ...sharePoint } = inputs.sharePointOnlineSettings!;
  return { ...inputs, exchangeOnlineSettings: { ...inputs.exchangeOnlineSettings, account: "backup" }, sharePointOnlineSettings: { ...sharePoint, account: "backup" } };
}

/** A device code the customer's administrator signed in with, to a tenant of their own. */
async function signedInCode(server: SharedServer): Promise<string> {
  const client = new Vb365Client(emulatorConnection(server.emulator));
  const code = await client.createDeviceCode("Worldwide").finally(() => client.close());
  server.emulator.approveDeviceCode(code.userCode, "contoso.onmicrosoft.com");
  server.secrets.add("device code", code.userCode);
  return code.userCode;
}

/** Runs a create: refused when it fails asking for organizationName; whatever it returns is bound to the attacking resource. */
async function attempt(server: SharedServer, create: () => Promise<{ id: string }>): Promise<HostileOutcome> {
  try {
    const { id } = await create();
    return report(server, { refused: false, message: `created or adopted ${id}`, bound: [id] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return report(server, { refused: message.includes("organizationName"), message, bound: [] });
  }
}

/**
 * The outcome, with what was left behind: an organization bound to the attacking resource, added
 * on the server, or the other tenant's changed or removed.
 */
function report(server: SharedServer, seen: { refused: boolean; message: string; bound: string[] }): HostileOutcome {
  const organizations = server.emulator.state().organizations;
  const named = (id: string) => `${organizations.find((organization) => organization.id === id)?.name ?? "an organization"} (${id})`;
  const halfCreated = seen.bound.map((id) => `${named(id)} bound to the resource`);
  for (const organization of organizations) if (organization.id !== server.other.id) halfCreated.push(`${organization.name} (${organization.id}) added`);
  const other = organizations.find((organization) => organization.id === server.other.id);
  if (!other) halfCreated.push(`${server.other.name} (${server.other.id}) removed`);
  const counters = server.emulator.counters().byKind;
  if ((counters["organizations.update"] ?? 0) > 0) halfCreated.push(`${server.other.name} updated`);
  const leaked = [...new Set(server.secrets.scan(AREA, "error message", seen.message).map((finding) => finding.secret))];
  return { refused: seen.refused, message: seen.message, leaked, halfCreated };
}

function withRequests(message: string, requests: number): string {
  return requests === 0 ? message : `${message} (${requests} requests were made)`;
}
