import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";
import type { Emulator } from "../../emulator";
import type { StoredOrganization } from "../../emulator/model";
import { emulatorConfig, organizationsByName, signedInDeviceCode } from "../helpers/emulator-stack";
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
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).to.deep.equal({ create: 10 });
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

describe("example certificate-rotation", () => {
  const fx = exampleFixture("certificate-rotation", (emulator) => ({ ...emulatorConfig(emulator), applicationId: { value: APPLICATION_ID } }));
  let first: { organizationId: string; thumbprint: string; notAfter: number };

  it("onboards the tenant with a certificate valid for a year, and previews no change", async () => {
    const result = await fx.stack.up();
    first = {
      organizationId: String(result.outputs.organizationId.value),
      thumbprint: String(result.outputs.thumbprint.value),
      notAfter: Date.parse(String(result.outputs.certificateNotAfter.value)),
    };
    expect(first.notAfter - Date.now()).to.be.within(364 * DAY, 366 * DAY);
    await fx.stack.preview({ expectNoChanges: true });
  });

  it("changes nothing 31 days before expiry, outside the window", async () => {
    // Read by the provider process on every call: the clock of TenantCertificate, not the emulator's.
    fx.stack.stack.workspace.envVars.VB365_NOW = new Date(first.notAfter - 31 * DAY).toISOString();
    await fx.stack.preview({ expectNoChanges: true });
  });

  it("replaces the certificate 29 days before expiry and updates the organization in place", async () => {
    fx.stack.stack.workspace.envVars.VB365_NOW = new Date(first.notAfter - 29 * DAY).toISOString();
    const preview = await fx.stack.preview();
    expect(preview.changeSummary).to.deep.equal({ replace: 1, update: 1, same: 2 });

    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).to.deep.equal({ replace: 1, update: 1, same: 2 });
    const thumbprint = String(result.outputs.thumbprint.value);
    expect(thumbprint).to.not.equal(first.thumbprint);
    expect(result.outputs.organizationId.value).to.equal(first.organizationId);
    const organization = only(fx.emulator);
    expect(organization.id).to.equal(first.organizationId);
    expect(organization.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(thumbprint);
    expect(organization.sharePointOnlineSettings?.applicationCertificateThumbprint).to.equal(thumbprint);
    // The new certificate starts at the faked "now", so it is outside its own window again.
    expect(Date.parse(String(result.outputs.certificateNotAfter.value))).to.be.greaterThan(first.notAfter);
    await fx.stack.preview({ expectNoChanges: true });
  });

  it("removes the organization on destroy", async () => {
    await fx.stack.destroy();
    expect(fx.emulator.state().organizations).to.deep.equal([]);
  });
});
