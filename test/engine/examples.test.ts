import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { afterEach, describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID, type Emulator } from "../../emulator";
import { JobsApi } from "../../provider/client/jobs";
import type { StoredOrganization } from "../../emulator/model";
import { emulatorConfig, organizationsByName, signedInDeviceCode } from "../helpers/emulator-stack";
import { registeredByCustomer } from "../helpers/customer-registration";
import { exampleFixture } from "../helpers/example-stack";
import { failedPreview } from "../helpers/program-stack";
import { plaintextSecretsIn } from "../helpers/secrets-scan";

const APPLICATION_ID = "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a";
const DAY = 86_400_000;

function only(emulator: Emulator): StoredOrganization {
  const organizations = emulator.state().organizations;
  expect(organizations).to.have.length(1);
  return organizations[0];
}

describe("example new-app-device-code", () => {
  const fx = exampleFixture("new-app-device-code", (emulator) => emulatorConfig(emulator));
  let code: string;

  it("stops at preview until the admin has signed in, naming userCode, before any request", async () => {
    const message = await failedPreview(fx.stack);
    expect(message).to.contain("userCode is required with newApplicationName");
    expect(fx.emulator.counters().total).to.equal(0);
  });

  it("onboards the tenant with a new Entra application once the code is in the stack", async () => {
    code = await signedInDeviceCode(fx.emulator, fx.client, "contoso.onmicrosoft.com");
    await fx.stack.stack.setConfig("deviceCode", { value: code, secret: true });
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).to.deep.include({ create: 3 }); // the stack, the component, the certificate
    const organization = only(fx.emulator);
    expect(organization).to.deep.include({ id: result.outputs.organizationId.value, name: "contoso.onmicrosoft.com", authenticationKind: "newApplication", newApplicationName: "VB365 contoso.onmicrosoft.com" });
    expect(organization.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(result.outputs.thumbprint.value);
    expect(fx.emulator.deviceCodes().find((issued) => issued.userCode === code)?.used).to.equal(true);
  });

  it("previews no change without a request, also once the used code has left the config", async () => {
    await fx.stack.stack.removeConfig("deviceCode");
    fx.emulator.resetCounters();
    await fx.stack.preview({ expectNoChanges: true });
    expect(fx.emulator.counters().total).to.equal(0);
    expect(plaintextSecretsIn(fx.stack.stateText(), { code })).to.deep.equal([]);
  });

  it("removes the organization on destroy", async () => {
    await fx.stack.destroy();
    expect(fx.emulator.state().organizations).to.deep.equal([]);
  });
});

describe("example existing-app", () => {
  const fx = exampleFixture("existing-app", (emulator) => ({
    ...emulatorConfig(emulator),
    applicationId: { value: APPLICATION_ID },
    account: { value: "veeam-backup@northwind.onmicrosoft.com" },
  }));

  it("makes the certificate alone with a targeted up, for the customer to upload", async () => {
    // The command of the example's README: the component and its certificate, not the organization.
    const result = await fx.stack.stack.up({ color: "never", target: ["**:Tenant::northwind", "**:TenantCertificate::northwind"] });
    expect(result.summary.resourceChanges).to.deep.include({ create: 3 }); // the stack, the component, the certificate
    expect(String(result.outputs.certificatePem?.value)).to.match(/^-----BEGIN CERTIFICATE-----/);
    expect(fx.emulator.state().organizations).to.deep.equal([]);
    // The customer uploads it to their application (the test plays them).
    fx.emulator.addApplicationCertificate(APPLICATION_ID, { certificatePem: String(result.outputs.certificatePem?.value), organizationName: "northwind.onmicrosoft.com" });
  });

  it("onboards the tenant, Teams chats included, without a device code", async () => {
    fx.emulator.resetCounters();
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).to.deep.equal({ create: 1, same: 3 });
    const organization = only(fx.emulator);
    expect(organization).to.deep.include({ authenticationKind: "existingApplication", isTeamsOnline: true, isTeamsChatsOnline: true });
    expect(organization.exchangeOnlineSettings).to.deep.include({ applicationId: APPLICATION_ID, account: "veeam-backup@northwind.onmicrosoft.com" });
    expect(organization.sharePointOnlineSettings?.applicationCertificateThumbprint).to.equal(result.outputs.thumbprint.value);
    expect(fx.emulator.counters().byKind).to.deep.equal({ token: 1, "organizations.create": 1, "restorePortal.get": 1 });
  });

  it("previews no change, and updates the organization in place for a new description", async () => {
    await fx.stack.preview({ expectNoChanges: true });
    const id = only(fx.emulator).id;
    await fx.stack.stack.setConfig("description", { value: "Gold tier" });
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).to.deep.equal({ update: 1, same: 3 });
    expect(only(fx.emulator)).to.deep.include({ id, description: "Gold tier" });
  });

  it("removes the organization on destroy", async () => {
    await fx.stack.destroy();
    expect(fx.emulator.state().organizations).to.deep.equal([]);
  });
});

describe("example legacy-protocols-v7", () => {
  const secrets = { accountPassword: "App-Passw0rd-of-the-backup-account", applicationSecret: "client-secret-of-the-legacy-app" };
  const fx = exampleFixture("legacy-protocols-v7", (emulator) => ({
    ...emulatorConfig(emulator, "v7"),
    account: { value: "veeam-backup@fabrikam.onmicrosoft.com" },
    applicationId: { value: APPLICATION_ID },
    accountPassword: { value: secrets.accountPassword, secret: true },
    applicationSecret: { value: secrets.applicationSecret, secret: true },
  }));

  it("onboards the tenant on a v7 server with a backup account and a client secret", async () => {
    const result = await fx.stack.up();
    expect(result.outputs.apiVersion.value).to.equal("v7");
    const organization = only(fx.emulator);
    expect(organization.authenticationKind).to.equal("modernWithLegacy");
    expect(organization.exchangeOnlineSettings).to.deep.include({ useApplicationOnlyAuth: false, useMfa: true, hasPassword: true, hasApplicationSecret: true });
    expect(fx.emulator.requests().filter((request) => request.kind === "organizations.create").map((request) => request.version)).to.deep.equal(["v7"]);
  });

  it("previews no change, and keeps the password and the client secret encrypted in state", async () => {
    await fx.stack.preview({ expectNoChanges: true });
    expect(plaintextSecretsIn(fx.stack.stateText(), secrets)).to.deep.equal([]);
  });

  it("removes the organization on destroy", async () => {
    await fx.stack.destroy();
    expect(fx.emulator.state().organizations).to.deep.equal([]);
  });

  it("is refused at preview on v8, with the reason, before any request", async () => {
    await fx.stack.stack.setConfig("vb365:apiVersion", { value: "v8" });
    fx.emulator.resetCounters();
    const message = await failedPreview(fx.stack);
    expect(message).to.contain("VB365 v8 does not support adding organizations with modern authentication with legacy protocols allowed");
    expect(fx.emulator.counters().total).to.equal(0);
  });
});

describe("example many-tenants-yaml", () => {
  const fx = exampleFixture("many-tenants-yaml", (emulator) => emulatorConfig(emulator));
  const badDir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-example-tenants-"));
  after(() => fs.rmSync(badDir, { recursive: true, force: true }));

  it("onboards every tenant of the file, each with its own certificate, with one token and one POST each", async () => {
    // Each customer registered an application and uploads the tenant's certificate to it first.
    const customers = [
      ["contoso", "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a"],
      ["fabrikam", "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10"],
      ["tailspin", "9d4c2b1a-7e6f-4a5b-8c3d-2e1f0a9b8c7d"],
    ];
    await registeredByCustomer(
      fx,
      customers.map(([name, applicationId]) => ({ certificate: name!, organizationName: `${name}.onmicrosoft.com`, applicationId: applicationId! })),
      customers.map(([name]) => `**:Tenant::${name}`),
    );
    fx.emulator.resetCounters();
    const result = await fx.stack.up();
    // The stack, the components and the certificates were made by the targeted up.
    expect(result.summary.resourceChanges).to.deep.equal({ create: 3, same: 7 });
    const stored = organizationsByName(fx.emulator);
    expect(stored.get("contoso.onmicrosoft.com")).to.deep.include({ description: "Gold tier", isTeamsOnline: true });
    expect(stored.get("fabrikam.onmicrosoft.com")).to.deep.include({ isExchangeOnline: true, isSharePointOnline: true, isTeamsOnline: false });
    expect(stored.get("tailspin.onmicrosoft.com")).to.deep.include({ isExchangeOnline: false, isSharePointOnline: true });
    const summary = result.outputs.summary.value as Record<string, { organizationId: string; thumbprint: string }>;
    expect(Object.keys(summary)).to.deep.equal(["contoso", "fabrikam", "tailspin"]);
    expect(summary.tailspin.organizationId).to.equal(stored.get("tailspin.onmicrosoft.com")?.id);
    expect(new Set(Object.values(summary).map((row) => row.thumbprint)).size).to.equal(3);
    expect(fx.emulator.counters().byKind).to.deep.equal({ token: 1, "organizations.create": 3, "restorePortal.get": 1 });
  });

  it("previews no change without a request", async () => {
    fx.emulator.resetCounters();
    await fx.stack.preview({ expectNoChanges: true });
    expect(fx.emulator.counters().total).to.equal(0);
  });

  it("stops at preview on a bad entry, naming the file and the field", async () => {
    const bad = path.join(badDir, "tenants.yaml");
    fs.writeFileSync(bad, "tenants:\n  - name: contoso\n    organization: contoso.onmicrosoft.com\n    applicationId: not-a-guid\n");
    await fx.stack.stack.setConfig("tenantsFile", { value: bad });
    try {
      const message = await failedPreview(fx.stack);
      expect(message).to.contain(`${bad} is not a valid tenants file`);
      expect(message).to.contain("tenants[0].applicationId");
    } finally {
      await fx.stack.stack.removeConfig("tenantsFile");
    }
  });

  it("removes every organization on destroy", async () => {
    await fx.stack.destroy();
    expect(fx.emulator.state().organizations).to.deep.equal([]);
  });
});

/** What the certificate-rotation example exports per tenant. */
interface RotationStatus {
  organizationId: string;
  thumbprint: string;
  certificateNotAfter: string;
  certificatePem: string;
  nextThumbprint?: string;
  nextCertificatePem?: string;
  certificateRotation?: string;
}

for (const version of ["v7", "v8"] as const) {
  describe(`example certificate-rotation, ${version}: an application the customer registers on, and one VB365 registered`, () => {
    const CONTOSO = "contoso.onmicrosoft.com";
    const FABRIKAM = "fabrikam.onmicrosoft.com";
    const fx = exampleFixture("certificate-rotation", (emulator) => ({ ...emulatorConfig(emulator, version), applicationId: { value: APPLICATION_ID } }));
    let first: { contoso: RotationStatus; fabrikam: RotationStatus; notAfter: number; jobs: string[] };

    const outputs = async () => {
      const values = await fx.stack.stack.outputs();
      return { contoso: values.customerRegistered!.value as RotationStatus, fabrikam: values.vb365Registered!.value as RotationStatus };
    };
    const thumbprintOf = (name: string) => organizationsByName(fx.emulator).get(name)?.exchangeOnlineSettings?.applicationCertificateThumbprint;
    /** At no step may the emulator hold an organization whose certificate its application does not trust. */
    afterEach(() => {
      expect(fx.emulator.trustReport().filter((entry) => !entry.trusted), "organizations Entra would refuse").to.deep.equal([]);
    });

    it("is not added while the customer has not registered the certificate: check names tenant, thumbprint and application, and nothing is created", async () => {
      await fx.stack.stack.setConfig("deviceCode", { value: await signedInDeviceCode(fx.emulator, fx.client, FABRIKAM), secret: true });
      const message = await fx.stack.up().then(() => "", (error: unknown) => String(error));
      expect(message).to.match(new RegExp(`registeredThumbprints does not list [0-9A-F]{40}, the certificate ${CONTOSO} would be added with: VB365 would be refused \\(AADSTS700027\\) and nothing would be created\\. Register it on application ${APPLICATION_ID} in ${CONTOSO}`));
      expect(organizationsByName(fx.emulator).has(CONTOSO)).to.equal(false);
      // Every POST that was sent added its organization (fabrikam's, if the failed up got to it): none was contoso's.
      const posts = fx.emulator.requests().filter((request) => request.kind === "organizations.create");
      expect(posts.map((request) => request.status).filter((status) => status >= 400), "refused POSTs").to.deep.equal([]);
      expect(posts.length).to.equal(fx.emulator.state().organizations.length);
    });

    it("is added once the customer registered the certificate and it is confirmed; both then preview no change", async () => {
      // The customer uploads the certificate (the test plays them), and the stack lists the thumbprint they confirm.
      const certificate = fx.stack.resources().find((resource) => resource.urn.endsWith("TenantCertificate::contoso"))!;
      fx.emulator.addApplicationCertificate(APPLICATION_ID, { certificatePem: String(certificate.outputs?.certificatePem), organizationName: CONTOSO });
      await fx.stack.stack.setConfig("registeredThumbprints", { value: JSON.stringify([certificate.outputs?.thumbprint]) });
      await fx.stack.up();
      const { contoso, fabrikam } = await outputs();
      expect(thumbprintOf(CONTOSO)).to.equal(contoso.thumbprint);
      expect(thumbprintOf(FABRIKAM)).to.equal(fabrikam.thumbprint);
      const jobs: string[] = [];
      for (const organizationId of [contoso.organizationId, fabrikam.organizationId]) jobs.push((await new JobsApi(fx.client).createJob(organizationId, { name: "Nightly", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID })).id);
      first = { contoso, fabrikam, notAfter: Date.parse(contoso.certificateNotAfter), jobs };
      expect(first.notAfter - Date.now()).to.be.within(364 * DAY, 366 * DAY);
      fx.emulator.resetCounters();
      await fx.stack.preview({ expectNoChanges: true });
      expect(fx.emulator.counters().total).to.equal(0);
    });

    it("changes nothing 31 days before expiry, outside the window", async () => {
      // Read by the provider process on every call: the clock of the providers, not the emulator's.
      fx.stack.stack.workspace.envVars.VB365_NOW = new Date(first.notAfter - 31 * DAY).toISOString();
      await fx.stack.preview({ expectNoChanges: true });
    });

    it("makes the next certificates 29 days before expiry, and each organization stays on the working one and says what it waits for", async () => {
      fx.stack.stack.workspace.envVars.VB365_NOW = new Date(first.notAfter - 29 * DAY).toISOString();
      const result = await fx.stack.up();
      expect(result.summary.resourceChanges).to.deep.include({ update: 4 });
      const { contoso, fabrikam } = await outputs();
      for (const [now, before, name] of [[contoso, first.contoso, CONTOSO], [fabrikam, first.fabrikam, FABRIKAM]] as const) {
        expect(now.thumbprint, name).to.equal(before.thumbprint);
        expect(thumbprintOf(name), name).to.equal(before.thumbprint);
        expect(now.nextThumbprint, name).to.match(/^[0-9A-F]{40}$/).and.not.equal(before.thumbprint);
        expect(now.nextCertificatePem, name).to.match(/^-----BEGIN CERTIFICATE-----/);
      }
      const lasts = `stays in use until then, valid until ${new Date(first.notAfter).toISOString()}.`;
      expect(contoso.certificateRotation).to.equal(
        `waiting: the customer to register certificate ${contoso.nextThumbprint} on application ${APPLICATION_ID} in ${CONTOSO} (their Entra app registration), then to add it to registeredThumbprints; ${first.contoso.thumbprint} ${lasts}`,
      );
      expect(fabrikam.certificateRotation).to.match(new RegExp(`^waiting: a fresh device code, to let VB365 register certificate ${fabrikam.nextThumbprint} on the application VB365 registered: `));
      // The pipeline's log says it, per tenant, at the up and at every preview while it waits.
      expect(result.stdout).to.contain(`contoso: certificate rotation waiting: the customer to register certificate ${contoso.nextThumbprint}`);
      // The diff view of a preview writes the warnings to stderr.
      const preview = await fx.stack.preview({ expectNoChanges: true });
      const said = `${preview.stdout}\n${preview.stderr}`;
      expect(said).to.contain(`fabrikam: certificate rotation waiting: a fresh device code`);
      expect(said).to.contain("The code goes to the stack config key deviceCode: vb365 device-code --stack");
    });

    it("switches the customer's tenant in place once the customer registered the next certificate and it is confirmed", async () => {
      const { contoso } = await outputs();
      fx.emulator.addApplicationCertificate(APPLICATION_ID, { certificatePem: contoso.nextCertificatePem!, organizationName: CONTOSO });
      await fx.stack.stack.setConfig("registeredThumbprints", { value: JSON.stringify([first.contoso.thumbprint, contoso.nextThumbprint]) });
      const result = await fx.stack.up();
      expect(result.summary.resourceChanges).to.deep.include({ update: 1 });
      const after = await outputs();
      expect(after.contoso.thumbprint).to.equal(contoso.nextThumbprint);
      expect(after.contoso.organizationId).to.equal(first.contoso.organizationId);
      expect(after.contoso.certificateRotation).to.match(new RegExp(`^switched: from ${first.contoso.thumbprint} to ${contoso.nextThumbprint} on \\d{4}-\\d{2}-\\d{2}; ${first.contoso.thumbprint} can now be removed from application ${APPLICATION_ID}\\.$`));
      const stored = organizationsByName(fx.emulator).get(CONTOSO)!;
      expect([stored.id, stored.exchangeOnlineSettings?.applicationCertificateThumbprint, stored.sharePointOnlineSettings?.applicationCertificateThumbprint]).to.deep.equal([first.contoso.organizationId, contoso.nextThumbprint, contoso.nextThumbprint]);
      expect(thumbprintOf(FABRIKAM), "the VB365-registered tenant still waits").to.equal(first.fabrikam.thumbprint);
    });

    it("switches the VB365-registered tenant in place only with a fresh device code", async () => {
      const { fabrikam } = await outputs();
      await fx.stack.stack.setConfig("deviceCode", { value: await signedInDeviceCode(fx.emulator, fx.client, FABRIKAM), secret: true });
      const result = await fx.stack.up();
      expect(result.summary.resourceChanges).to.deep.include({ update: 1 });
      const after = await outputs();
      expect(after.fabrikam.thumbprint).to.equal(fabrikam.nextThumbprint);
      expect(after.fabrikam.organizationId).to.equal(first.fabrikam.organizationId);
      expect(thumbprintOf(FABRIKAM)).to.equal(fabrikam.nextThumbprint);
      const registered = fx.emulator.applications().find((application) => application.organizationName === FABRIKAM)!;
      expect(registered.certificates.map((certificate) => [certificate.thumbprint, certificate.addedBy])).to.deep.equal([
        [first.fabrikam.thumbprint, "newApplicationName"],
        [fabrikam.nextThumbprint, "configureApplication"],
      ]);
      await fx.stack.preview({ expectNoChanges: true });
    });

    it("retires the old certificates once they expire: the next ones become current, the organizations and their jobs stay", async () => {
      const { contoso, fabrikam } = await outputs();
      // The customer removes the old certificate from their application, as the switch note says they can.
      fx.emulator.removeApplicationCertificate(APPLICATION_ID, first.contoso.thumbprint, CONTOSO);
      // Both certificates have expired (fabrikam's was made a moment after contoso's).
      fx.stack.stack.workspace.envVars.VB365_NOW = new Date(Math.max(first.notAfter, Date.parse(first.fabrikam.certificateNotAfter)) + 60_000).toISOString();
      const result = await fx.stack.up();
      expect(result.summary.resourceChanges).to.deep.include({ update: 2 });
      const after = await outputs();
      for (const [now, before] of [[after.contoso, contoso], [after.fabrikam, fabrikam]] as const) {
        expect(now.thumbprint).to.equal(before.thumbprint);
        expect(now.nextThumbprint ?? null).to.equal(null);
        expect(Date.parse(now.certificateNotAfter)).to.be.greaterThan(first.notAfter);
      }
      expect(fx.emulator.state().jobs.map((job) => job.id).sort()).to.deep.equal([...first.jobs].sort());
      expect(fx.emulator.state().organizations.map((organization) => organization.id).sort()).to.deep.equal([first.contoso.organizationId, first.fabrikam.organizationId].sort());
      await fx.stack.preview({ expectNoChanges: true });
    });

    it("removes the organizations on destroy", async () => {
      fx.emulator.configure({ deleteWithJobs: "cascade" });
      await fx.stack.destroy();
      expect(fx.emulator.state().organizations).to.deep.equal([]);
    });
  });
}
