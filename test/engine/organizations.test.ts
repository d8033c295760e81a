import * as path from "node:path";
import { expect } from "chai";
import { after, afterEach, before, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../emulator";
import type { Vb365Client } from "../../provider/client";
import { emulatorClient, emulatorConfig } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";
import { plaintextSecretsIn, revealed } from "../helpers/secrets-scan";

const COUNT = 20;

interface StoredOrganization {
  id: string;
  name: string;
  isTeamsOnline: boolean;
  exchangeOnlineSettings: { applicationCertificateThumbprint: string } | null;
}

describe("Vb365Organization through the Pulumi engine", () => {
  let emulator: Emulator;
  let stack: TestStack;
  let client: Vb365Client;
  const userCodes: string[] = [];
  const figures: Record<string, unknown> = {};

  before(async () => {
    emulator = await startEmulator();
    client = emulatorClient(emulator);
    userCodes.push(await signedInCode());
    stack = await TestStack.create({
      programDir: path.join(__dirname, "programs", "organizations"),
      config: {
        ...emulatorConfig(emulator),
        count: { value: String(COUNT) },
        userCode: { value: userCodes[0], secret: true },
      },
    });
  });

  after(async () => {
    console.log(`      request figures: ${JSON.stringify(figures)}`);
    await stack?.dispose();
    await client?.close();
    await emulator?.close();
  });

  async function signedInCode(): Promise<string> {
    const code = await client.createDeviceCode("Worldwide");
    emulator.approveDeviceCode(code.userCode, "fabrikam.onmicrosoft.com");
    return code.userCode;
  }

  function stored(): StoredOrganization[] {
    return emulator.state().organizations as StoredOrganization[];
  }

  /** At no step may the emulator hold an organization whose certificate its application does not trust. */
  afterEach(() => {
    expect(emulator.trustReport().filter((entry) => !entry.trusted), "organizations Entra would refuse").to.deep.equal([]);
  });

  it("previews the first creation, with certificates still unknown, without a request", async () => {
    emulator.resetCounters();
    const preview = await stack.preview();
    // The stack; per tenant a certificate and an organization; per existing application the registration of its certificate.
    expect(preview.changeSummary).to.deep.equal({ create: 3 * COUNT });
    expect(emulator.counters().total).to.equal(0);
  });

  it("creates every organization with one token and one POST each (the vb365: config reaches the provider)", async () => {
    emulator.resetCounters();
    // The new-application tenant takes VB365 a while, as registering an Entra application does.
    emulator.injectFault({ kind: "organizations.create", latencyMs: 11_000, times: 1 });
    const result = await stack.up();
    emulator.clearFaults();
    expect(result.summary.result).to.equal("succeeded");
    expect(result.stdout, "pulumi up says what the slow create waits for").to.match(/vb365: adding \S+: .*waiting up to 600 s \(vb365:createTimeoutSeconds\)\./);
    expect(stored()).to.have.length(COUNT);
    expect(stored().map((o) => o.name)).to.include("fabrikam.onmicrosoft.com");
    const counters = emulator.counters();
    figures.upCreating20 = counters.byRoute;
    // And one read of the server's Restore Portal settings for the tenants' restorePortalStatus.
    expect(counters.byKind).to.deep.equal({ token: 1, "organizations.create": COUNT, "restorePortal.get": 1 });
  });

  it("previews no change, without a single request", async () => {
    emulator.resetCounters();
    await stack.preview({ expectNoChanges: true });
    figures.noChangePreview = emulator.counters().total;
    expect(emulator.counters().total).to.equal(0);
  });

  it("shows no change when the device code changes or goes after creation", async () => {
    await stack.stack.setConfig("userCode", { value: "ANOTHER-CODE-1", secret: true });
    await stack.preview({ expectNoChanges: true });
  });

  it("notices out-of-band changes and deletions on refresh, and up puts them right", async () => {
    // Two tenants that bring their own application: re-adding fabrikam would need a new device code.
    const [modified, deleted] = stored().filter((o) => o.name !== "fabrikam.onmicrosoft.com").slice(0, 2);
    await client.updateOrganization(modified.id, { isTeamsOnline: true });
    await client.deleteOrganization(deleted.id);
    emulator.resetCounters();
    const refresh = await stack.refresh();
    figures.refreshOf20 = emulator.counters().byKind;
    expect(refresh.summary.resourceChanges).to.deep.include({ delete: 1, update: 1 });
    expect(stack.resources().some((r) => r.id === deleted.id)).to.equal(false);

    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.include({ create: 1, update: 1 });
    await stack.up();
    expect(stored()).to.have.length(COUNT);
    expect(stored().find((o) => o.id === modified.id)?.isTeamsOnline).to.equal(false);
    await stack.preview({ expectNoChanges: true });
  });

  it("updates in place when a service is added", async () => {
    const ids = stored().map((o) => o.id).sort();
    await stack.stack.setConfig("teams", { value: "true" });
    emulator.resetCounters();
    const result = await stack.up();
    figures.updateOf20 = emulator.counters().byKind;
    // Each update reads the organization and sends it whole: right whether PUT merges or replaces.
    expect(emulator.counters().byKind).to.deep.equal({ token: 1, "organizations.get": COUNT, "organizations.update": COUNT, "restorePortal.get": 1 });
    expect(result.summary.resourceChanges).to.deep.include({ update: COUNT });
    expect(stored().map((o) => o.id).sort()).to.deep.equal(ids);
    expect(stored().every((o) => o.isTeamsOnline)).to.equal(true);
  });

  it("rotates the certificates: each organization switches in place once its application trusts the new one", async () => {
    const before = new Map(stored().map((o) => [o.id, o.exchangeOnlineSettings?.applicationCertificateThumbprint]));
    await stack.stack.setConfig("certificateGeneration", { value: "2" });
    const result = await stack.up();
    // Every certificate is replaced, and with it every registration; the VB365-registered tenant
    // only records that it waits for a device code.
    expect(result.summary.resourceChanges).to.deep.include({ replace: 2 * COUNT - 1, update: COUNT });
    const thumbprints = new Set(stack.resources().filter((r) => r.type.endsWith(":TenantCertificate")).map((r) => r.outputs?.thumbprint));
    for (const organization of stored()) {
      expect(before.has(organization.id), "same organization").to.equal(true);
      const rotated = organization.name !== "fabrikam.onmicrosoft.com";
      expect(organization.exchangeOnlineSettings?.applicationCertificateThumbprint !== before.get(organization.id), organization.name).to.equal(rotated);
      expect(thumbprints.has(organization.exchangeOnlineSettings?.applicationCertificateThumbprint), organization.name).to.equal(rotated);
    }
    // The replaced registrations went after the switch: each application trusts only the new certificate.
    const applications = emulator.applications().filter((application) => application.applicationId === "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10");
    expect(applications.map((application) => application.certificates.length)).to.deep.equal(new Array(COUNT - 1).fill(1));
    const fabrikam = stack.resources().find((r) => r.urn.endsWith("::tenant0") && r.type.endsWith(":Organization"))!;
    expect(String(fabrikam.outputs?.certificateRotation)).to.match(/^waiting: a fresh device code, to let VB365 register certificate [0-9A-F]{40} on the application VB365 registered: /);

    // The customer's administrator signs in with a fresh code: VB365 registers the new certificate.
    userCodes.push(await signedInCode());
    await stack.stack.setConfig("userCode", { value: userCodes[1]!, secret: true });
    const switched = await stack.up();
    expect(switched.summary.resourceChanges).to.deep.include({ update: 1 });
    const tenant0 = stored().find((o) => o.name === "fabrikam.onmicrosoft.com")!;
    expect(thumbprints.has(tenant0.exchangeOnlineSettings?.applicationCertificateThumbprint)).to.equal(true);
    expect(emulator.deviceCodes().find((code) => code.userCode === userCodes[1])?.used).to.equal(true);
    await stack.preview({ expectNoChanges: true });
  });

  it("keeps every secret out of the state file and the serialized provider", async () => {
    const exported = await stack.stack.exportStack();
    const secrets: Record<string, string | undefined> = { vb365Password: DEFAULT_USER.password, userCode: userCodes[0], rotationUserCode: userCodes[1] };
    for (const resource of exported.deployment.resources ?? []) {
      const outputs = resource.outputs ?? {};
      const pfx = revealed(outputs.pfxBase64);
      const password = revealed(outputs.password);
      if (typeof pfx === "string") secrets[`${resource.urn} pfx`] = pfx.slice(0, 64);
      if (typeof password === "string") secrets[`${resource.urn} pfx password`] = password;
    }
    expect(Object.keys(secrets).length).to.be.greaterThan(2 * COUNT);
    const state = stack.stateText();
    expect(plaintextSecretsIn(state, secrets)).to.deep.equal([]);
    expect(state).not.to.contain("PRIVATE KEY");
    const providers = stack.resources().map((r) => String(r.inputs?.__provider ?? ""));
    expect(providers.every((text) => text.length > 0 && plaintextSecretsIn(text, secrets).length === 0)).to.equal(true);
  });

  it("leaves the server empty on destroy", async () => {
    await stack.destroy();
    expect(stored()).to.deep.equal([]);
    expect(stack.resources()).to.deep.equal([]);
  });
});
