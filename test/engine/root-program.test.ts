import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../emulator";
import type { Vb365Client } from "../../provider/client";
import { TestStack } from "../helpers/engine";
import { emulatorClient, emulatorConfig, organizationsByName, signedInDeviceCode } from "../helpers/emulator-stack";
import { parseJsonOutput, runCli } from "../helpers/cli";
import { cliStackEnv } from "../helpers/cli-stack";
import { failedPreview } from "../helpers/program-stack";
import { plaintextSecretsIn, revealed } from "../helpers/secrets-scan";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const APPLICATION_ID = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";

/** The thumbprints each customer confirmed registering on their application, as the file lists them. */
const confirmed: Record<string, string[]> = {};
/** Days before notAfter that alpha's certificate rotates; none until the rotation step. */
let alphaRotation = "";

// The tenants of the steps below, one YAML block each: a new Entra application by device code,
// and two existing applications (no code) whose customers register the certificates.
const TENANTS = {
  alpha: () => `  - name: alpha
    organization: alpha.onmicrosoft.com
    services: { exchange: true, sharePoint: true, teams: true }
    authentication: { kind: newApplication, applicationName: VB365 Alpha }
    certificate: { keySize: 2048, validityDays: 365${alphaRotation} }
`,
  beta: () => `  - name: beta
    organization: beta.onmicrosoft.com
    region: worldwide
    services: { teams: false }
    authentication: { kind: existingApplication, applicationId: ${APPLICATION_ID} }
    description: Silver tier
    certificateRegistration: { by: customer, thumbprints: [${(confirmed.beta ?? []).join(", ")}] }
`,
  gamma: () => `  - name: gamma
    organization: gamma.onmicrosoft.com
    services: { exchange: false, sharePoint: true, teams: false }
    authentication: { kind: existingApplication, applicationId: ${APPLICATION_ID}, account: backup@gamma.onmicrosoft.com }
    certificateRegistration: { by: customer, thumbprints: [${(confirmed.gamma ?? []).join(", ")}] }
`,
  delta: () => `  - name: delta
    organization: delta.onmicrosoft.com
    services: { exchange: true, sharePoint: true, teams: false }
    authentication: { kind: newApplication }
`,
};

interface SummaryRow {
  organization: string;
  organizationId: string;
  thumbprint: string;
  certificateNotAfter: string;
  certificateRegistration?: string;
  deviceCodeConfigKey?: string;
  certificateRotation?: string;
  nextThumbprint?: string;
  nextCertificatePem?: string;
  backupJobs: string[];
}

const DAY = 86_400_000;

describe("the root program (tenants.yaml) through the Pulumi engine", () => {
  const tenantsDir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-root-tenants-"));
  const tenantsFile = path.join(tenantsDir, "tenants.yaml");
  const deviceCodes: Record<string, string> = {};
  let emulator: Emulator;
  let client: Vb365Client;
  let stack: TestStack;

  let written: Array<keyof typeof TENANTS> = [];
  function writeTenants(...names: Array<keyof typeof TENANTS>): void {
    written = names;
    fs.writeFileSync(tenantsFile, `tenants:\n${names.map((name) => TENANTS[name]()).join("")}`);
  }

  /**
   * The customer's part (the test plays them): the tenant's certificate made alone by a targeted
   * up, registered on their application, and confirmed in the file.
   */
  async function registeredByCustomer(...tenants: string[]): Promise<void> {
    await stack.stack.up({ color: "never", target: tenants.flatMap((tenant) => [`**:Tenant::${tenant}`, `**:TenantCertificate::${tenant}`]) });
    const certificates = ((await stack.stack.outputs()).certificates?.value ?? {}) as Record<string, { thumbprint: string; certificatePem: string }>;
    for (const tenant of tenants) {
      emulator.addApplicationCertificate(APPLICATION_ID, { certificatePem: certificates[tenant]!.certificatePem, organizationName: `${tenant}.onmicrosoft.com` });
      confirmed[tenant] = [certificates[tenant]!.thumbprint];
    }
    writeTenants(...written);
    emulator.resetCounters();
  }

  /** `vb365 device-code --config-key deviceCode-<tenant>`, with the emulator as the customer. */
  async function signIn(tenant: string, organization: string): Promise<void> {
    deviceCodes[tenant] = await signedInDeviceCode(emulator, client, organization);
    await stack.stack.setConfig(`deviceCode-${tenant}`, { value: deviceCodes[tenant], secret: true });
    emulator.resetCounters();
  }

  before(async () => {
    emulator = await startEmulator();
    client = emulatorClient(emulator);
    writeTenants("alpha", "beta", "gamma");
    // The root program itself (Pulumi.yaml at the repository's top). The stack has a name of its
    // own, and dispose removes its settings file from the repository again.
    stack = await TestStack.create({ programDir: REPO_ROOT, config: { ...emulatorConfig(emulator), tenantsFile: { value: tenantsFile } } });
    await signIn("alpha", "alpha.onmicrosoft.com");
  });

  after(async () => {
    await stack?.dispose();
    fs.rmSync(tenantsDir, { recursive: true, force: true });
    await client?.close();
    await emulator?.close();
  });

  async function summary(): Promise<Record<string, SummaryRow>> {
    return (await stack.stack.outputs()).summary.value as Record<string, SummaryRow>;
  }

  it("previews a fresh stack without a single request to VB365", async () => {
    const preview = await stack.preview();
    // The stack, and per tenant the component, its certificate, its organization and the jobs of
    // its services: alpha 3 (Exchange, OneDrive and SharePoint, Teams), beta 2, gamma 1.
    expect(preview.changeSummary).to.deep.equal({ create: 16 });
    expect(emulator.counters().total).to.equal(0);
  });

  it("onboards and protects every tenant of the file on up, once the customers registered their certificates, and exports the summary", async () => {
    await registeredByCustomer("beta", "gamma");
    const result = await stack.up();
    // The stack, and beta's and gamma's components and certificates, came with the targeted up.
    expect(result.summary.resourceChanges).to.deep.equal({ create: 11, same: 5 });
    const stored = organizationsByName(emulator);
    expect([...stored.keys()].sort()).to.deep.equal(["alpha.onmicrosoft.com", "beta.onmicrosoft.com", "gamma.onmicrosoft.com"]);
    expect(stored.get("alpha.onmicrosoft.com")).to.deep.include({ newApplicationName: "VB365 Alpha", isTeamsOnline: true });
    expect(stored.get("beta.onmicrosoft.com")).to.deep.include({ description: "Silver tier", isTeamsOnline: false });
    expect(stored.get("gamma.onmicrosoft.com")).to.deep.include({ isExchangeOnline: false, isSharePointOnline: true });

    const rows = await summary();
    expect(Object.keys(rows)).to.deep.equal(["alpha", "beta", "gamma"]);
    for (const row of Object.values(rows)) {
      const organization = stored.get(row.organization)!;
      expect(row.organizationId).to.equal(organization.id);
      const settings = organization.exchangeOnlineSettings ?? organization.sharePointOnlineSettings;
      expect(row.thumbprint).to.equal(settings?.applicationCertificateThumbprint);
      expect(Date.parse(row.certificateNotAfter)).to.be.greaterThan(Date.now());
    }
    // Each tenant has its own certificate.
    expect(new Set(Object.values(rows).map((row) => row.thumbprint)).size).to.equal(3);
    expect(Object.fromEntries(Object.entries(rows).map(([tenant, row]) => [tenant, row.backupJobs]))).to.deep.equal({
      alpha: ["exchange", "onedrive-sharepoint", "teams"],
      beta: ["exchange", "onedrive-sharepoint"],
      gamma: ["onedrive-sharepoint"],
    });
    const jobs = emulator.state().jobs;
    expect(jobs.map((job) => job.name).sort()).to.deep.equal(["alpha-exchange", "alpha-onedrive-sharepoint", "alpha-teams", "beta-exchange", "beta-onedrive-sharepoint", "gamma-onedrive-sharepoint"]);
    expect(jobs.every((job) => job.organizationId === stored.get(`${job.name.split("-")[0]}.onmicrosoft.com`)!.id)).to.equal(true);
  });

  it("changes nothing on a second preview and up, and the preview makes no request", async () => {
    emulator.resetCounters();
    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).to.deep.equal({ same: 16 });
    expect(emulator.counters().total).to.equal(0);

    const before = await summary();
    const result = await stack.up();
    expect(result.summary.resourceChanges).to.deep.equal({ same: 16 });
    expect(await summary()).to.deep.equal(before);
  });

  it("notices an organization changed and one deleted out of band on refresh; up puts both right", async () => {
    const stored = organizationsByName(emulator);
    const alpha = stored.get("alpha.onmicrosoft.com")!;
    const beta = stored.get("beta.onmicrosoft.com")!;
    await client.updateOrganization(alpha.id, { isTeamsOnline: false });
    // Removed in the console with its jobs, as a server that cascades does.
    emulator.configure({ deleteWithJobs: "cascade" });
    await client.deleteOrganization(beta.id);
    emulator.configure({ deleteWithJobs: "refuse" });

    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).to.deep.include({ update: 1, delete: 3 });
    expect(stack.resources().some((resource) => resource.id === beta.id)).to.equal(false);

    emulator.resetCounters();
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.include({ create: 3, update: 1 });
    expect(emulator.counters().total).to.equal(0);

    await stack.up();
    const after = organizationsByName(emulator);
    expect(after.get("alpha.onmicrosoft.com")).to.deep.include({ id: alpha.id, isTeamsOnline: true });
    expect(after.get("beta.onmicrosoft.com")?.id).to.be.a("string").and.not.equal(beta.id);
    expect((await summary()).beta.organizationId).to.equal(after.get("beta.onmicrosoft.com")?.id);
    await stack.preview({ expectNoChanges: true });
  });

  it("onboards a tenant added to the file and removes one taken out of it", async () => {
    const ids = organizationsByName(emulator);
    writeTenants("alpha", "beta", "delta");
    await signIn("delta", "delta.onmicrosoft.com");

    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ create: 5, delete: 4, same: 12 });
    expect(emulator.counters().total).to.equal(0);

    const result = await stack.up();
    expect(result.summary.resourceChanges).to.deep.equal({ create: 5, delete: 4, same: 12 });
    const after = organizationsByName(emulator);
    expect([...after.keys()].sort()).to.deep.equal(["alpha.onmicrosoft.com", "beta.onmicrosoft.com", "delta.onmicrosoft.com"]);
    expect(after.get("alpha.onmicrosoft.com")?.id).to.equal(ids.get("alpha.onmicrosoft.com")?.id);
    expect(after.get("delta.onmicrosoft.com")?.newApplicationName).to.equal("Veeam Backup for Microsoft 365 (delta.onmicrosoft.com)");
    expect(Object.keys(await summary())).to.deep.equal(["alpha", "beta", "delta"]);
  });

  it("rotates alpha's certificate only with a fresh device code, which vb365 device-code says is for that rotation", async () => {
    alphaRotation = ", rotateBeforeDays: 30";
    writeTenants(...written);
    const before = (await summary()).alpha;
    const now = new Date(Date.parse(before.certificateNotAfter) - 29 * DAY).toISOString();
    stack.stack.workspace.envVars.VB365_NOW = now;
    const waiting = await stack.up();
    const row = (await summary()).alpha;
    expect(row).to.deep.include({ thumbprint: before.thumbprint, certificateRegistration: "vb365", deviceCodeConfigKey: "deviceCode-alpha", nextCertificatePem: "certificates.alpha.nextCertificatePem" });
    expect(row.nextThumbprint).to.match(/^[0-9A-F]{40}$/).and.not.equal(before.thumbprint);
    expect(row.certificateRotation).to.match(new RegExp(`^waiting: a fresh device code, to let VB365 register certificate ${row.nextThumbprint} on the application VB365 registered: `));
    const certificates = (await stack.stack.outputs()).certificates!.value as Record<string, { nextCertificatePem?: string }>;
    expect(certificates.alpha!.nextCertificatePem).to.match(/^-----BEGIN CERTIFICATE-----/);
    expect(waiting.stdout).to.contain(`alpha: certificate rotation waiting: a fresh device code`);
    expect(waiting.stdout).to.contain(`The code goes to the stack config key deviceCode-alpha: vb365 device-code --stack ${stack.stack.name} --config-key deviceCode-alpha --up.`);
    expect(organizationsByName(emulator).get("alpha.onmicrosoft.com")?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(before.thumbprint);

    // The operator runs vb365 device-code; the emulator plays alpha's administrator signing in.
    emulator.configure({ autoApproveDeviceCodesMs: 300, autoApproveOrganizationName: "alpha.onmicrosoft.com" });
    const cli = await runCli(["device-code", "--stack", stack.stack.name, "--cwd", REPO_ROOT, "--config-key", "deviceCode-alpha", "--up", "--interval", "200ms", "--json"], {
      env: cliStackEnv(stack, { VB365_NOW: now }),
    });
    emulator.configure({ autoApproveDeviceCodesMs: null });
    expect(cli.code, cli.stderr).to.equal(0);
    expect(cli.stderr).to.contain(
      `This code is for the rotation of tenant alpha's certificate to thumbprint ${row.nextThumbprint} (alpha.onmicrosoft.com): once its Global Administrator signs in, pulumi up lets VB365 register the new certificate on the application and switches the organization to it.`,
    );
    const report = parseJsonOutput(cli.stdout);
    expect(report).to.deep.include({ pulumiUp: "succeeded", rotation: { tenant: "alpha", organization: "alpha.onmicrosoft.com", thumbprint: row.nextThumbprint } });
    deviceCodes["alpha (rotation)"] = String(report.userCode);

    const switched = (await summary()).alpha;
    expect(switched.thumbprint).to.equal(row.nextThumbprint);
    expect(switched.certificateRotation).to.match(new RegExp(`^switched: from ${before.thumbprint} to ${row.nextThumbprint} on `));
    const alpha = organizationsByName(emulator).get("alpha.onmicrosoft.com")!;
    expect(alpha.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(row.nextThumbprint);
    expect(emulator.trustReport().filter((entry) => !entry.trusted)).to.deep.equal([]);
    await stack.preview({ expectNoChanges: true });
    delete stack.stack.workspace.envVars.VB365_NOW;
  });

  it("keeps every secret out of the state file", async () => {
    const exported = await stack.stack.exportStack(); // --show-secrets: the values to look for
    const secrets: Record<string, string | undefined> = { vb365Password: DEFAULT_USER.password };
    for (const [tenant, code] of Object.entries(deviceCodes)) secrets[`device code of ${tenant}`] = code;
    for (const resource of exported.deployment.resources ?? []) {
      const outputs = resource.outputs ?? {};
      const pfx = revealed(outputs.pfxBase64);
      const password = revealed(outputs.password);
      if (typeof pfx === "string") {
        secrets[`${resource.urn} pfx (start)`] = pfx.slice(0, 64);
        secrets[`${resource.urn} pfx (end)`] = pfx.slice(-64);
      }
      if (typeof password === "string") secrets[`${resource.urn} pfx password`] = password;
      const next = revealed(outputs.nextPfxBase64);
      if (typeof next === "string") {
        secrets[`${resource.urn} next pfx (start)`] = next.slice(0, 64);
        secrets[`${resource.urn} next pfx (end)`] = next.slice(-64);
      }
    }
    // The password, three device codes (alpha's onboarding and rotation, delta's), a PFX (two
    // slices) and its password per tenant, and alpha's next PFX until it is promoted.
    expect(Object.keys(secrets)).to.have.length(1 + 3 + 3 * 3 + 2);

    const state = stack.stateText();
    expect(plaintextSecretsIn(state, secrets)).to.deep.equal([]);
    expect(state).not.to.contain("PRIVATE KEY");
  });

  it("stops a bad tenants.yaml at preview, naming the file, the tenant and the field, before any request", async () => {
    fs.writeFileSync(
      tenantsFile,
      `tenants:\n${TENANTS.alpha()}${TENANTS.beta().replace("region: worldwide", "region: Atlantis")}${TENANTS.delta().replace("teams: false", "teams: false, teamsChats: true")}`,
    );
    emulator.resetCounters();
    const message = await failedPreview(stack);
    writeTenants("alpha", "beta", "delta");
    expect(message).to.contain(`${tenantsFile} has 2 problems (reference: docs/tenants-file.md):`);
    expect(message).to.contain('  - tenant "beta", region (line 9): must be one of Worldwide, Germany, China, USDefence, USGovernment');
    expect(message).to.contain('  - tenant "delta", services.teamsChats (line 16): needs authentication kind "existingApplication"');
    expect(emulator.counters().total).to.equal(0);
    await stack.preview({ expectNoChanges: true });
  });

  it("leaves VB365 empty on destroy, each job removed before its organization", async () => {
    const result = await stack.destroy();
    expect(result.summary.resourceChanges).to.deep.equal({ delete: 17 });
    expect(emulator.state().jobs).to.deep.equal([]);
    expect(emulator.state().organizations).to.deep.equal([]);
    expect(stack.resources()).to.deep.equal([]);
  });
});
