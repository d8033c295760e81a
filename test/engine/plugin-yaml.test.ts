import { expect } from "chai";
import { describe, it } from "mocha";
import { emulatorConfig, organizationsByName, signedInDeviceCode } from "../helpers/emulator-stack";
import { describeImport } from "../helpers/plugin-lifecycle";
import { pluginFixture } from "../helpers/plugin-project";
import { plaintextSecretsIn, revealed } from "../helpers/secrets-scan";

// The vb365 provider plugin from Pulumi YAML: examples/yaml-tenants, the root program's tenants
// declared in YAML, through the engine's Node.js language host serving plugin/.
describe("the vb365 plugin from Pulumi YAML (examples/yaml-tenants)", function () {
  this.timeout(600_000);
  const fx = pluginFixture("yaml-tenants", "yaml", (emulator) => emulatorConfig(emulator));
  const secrets: Record<string, string> = {};

  it("onboards and protects the tenants in one up: one token, one POST per organization, job and role", async () => {
    secrets.contosoCode = await signedInDeviceCode(fx.emulator, fx.client, "contoso.onmicrosoft.com");
    secrets.fabrikamCode = await signedInDeviceCode(fx.emulator, fx.client, "fabrikam.onmicrosoft.com");
    await fx.stack.stack.setAllConfig({ "deviceCode-contoso": { value: secrets.contosoCode, secret: true }, "deviceCode-fabrikam": { value: secrets.fabrikamCode, secret: true } });
    fx.emulator.resetCounters();
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).to.deep.equal({ create: 11 }); // the stack, 2 certificates, 2 organizations, 5 jobs, a role
    const organizations = organizationsByName(fx.emulator);
    expect([...organizations.keys()].sort()).to.deep.equal(["contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com"]);
    expect(organizations.get("contoso.onmicrosoft.com")).to.deep.include({ authenticationKind: "newApplication", newApplicationName: "VB365 Contoso", description: "Gold tier, Exchange + SharePoint + Teams" });
    const outputs = result.outputs;
    expect(organizations.get("fabrikam.onmicrosoft.com")?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal((outputs.thumbprints.value as Record<string, string>).fabrikam);
    expect(fx.emulator.state().jobs).to.have.length(5);
    expect(fx.emulator.state().roles.map((role) => role.name)).to.deep.equal(["fabrikam-helpdesk"]);
    expect(fx.emulator.counters().byKind).to.deep.include({ token: 1, "organizations.create": 2, "jobs.create": 5, "rbacRoles.create": 1, "repositories.list": 1, "restorePortal.get": 1 });
  });

  it("previews no change without a single request, and keeps every credential encrypted in state", async () => {
    fx.emulator.resetCounters();
    await fx.stack.preview({ expectNoChanges: true });
    expect(fx.emulator.counters().total).to.equal(0);
    const state = await fx.stack.stack.exportStack();
    const certificates = state.deployment.resources.filter((resource: { type: string }) => resource.type === "vb365:index:TenantCertificate");
    for (const certificate of certificates) {
      secrets[`${certificate.urn} password`] = revealed(certificate.outputs.password) as string;
      secrets[`${certificate.urn} pfx`] = (revealed(certificate.outputs.pfxBase64) as string).slice(0, 64);
    }
    expect(Object.keys(secrets)).to.have.length(6);
    expect(plaintextSecretsIn(fx.stack.stateText(), secrets)).to.deep.equal([]);
  });

  it("updates an organization in place when its declaration changes, a description the program marks secret encrypted in state", async () => {
    const before = organizationsByName(fx.emulator).get("contoso.onmicrosoft.com")!.id;
    // Set with --secret, the program's value is secret, as `fn::secret` makes it: a field the definition does not call secret.
    await fx.stack.stack.setConfig("contosoDescription", { value: "Platinum tier", secret: true });
    fx.emulator.resetCounters();
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).to.deep.include({ update: 1 });
    expect(organizationsByName(fx.emulator).get("contoso.onmicrosoft.com")).to.deep.include({ id: before, description: "Platinum tier" });
    expect(fx.emulator.counters().byKind).to.deep.include({ token: 1, "organizations.update": 1 });
    expect(plaintextSecretsIn(fx.stack.stateText(), { "contoso's description": "Platinum tier" })).to.deep.equal([]);
  });

  it("refreshes every resource from one listing per collection and a token", async () => {
    fx.emulator.resetCounters();
    const result = await fx.stack.refresh();
    expect(result.summary.resourceChanges).to.deep.include({ same: 11 });
    expect(fx.emulator.counters().byKind).to.deep.include({ token: 1, "organizations.list": 1, "jobs.list": 1, "rbacRoles.list": 1 });
    expect(plaintextSecretsIn(fx.stack.stateText(), { "contoso's description": "Platinum tier" }), "the state after a refresh").to.deep.equal([]);
    await fx.stack.preview({ expectNoChanges: true });
  });

  it("destroys the jobs and the role before their organizations, leaving nothing", async () => {
    await fx.stack.destroy();
    const state = fx.emulator.state();
    expect({ organizations: state.organizations, jobs: state.jobs, roles: state.roles }).to.deep.equal({ organizations: [], jobs: [], roles: [] });
  });

  const imported = describeImport(fx, "yaml");

  describe("what cannot be imported", () => {
    const failedImport = async (resource: { type: string; name: string; id: string }) => {
      const imported = fx.stack.resources().length;
      const error = await fx.stack.stack.import({ resources: [resource], generateCode: false }).then(
        () => "imported",
        (failure: Error) => failure.message,
      );
      expect(fx.stack.resources()).to.have.length(imported);
      return error;
    };

    it("refuses a job whose items a declaration cannot name, rather than losing them at the next up", async () => {
      expect(await failedImport({ type: "vb365:index:BackupJob", name: "sales", id: imported.server!.unnamableJobId })).to.contain(
        'cannot be imported without losing part of it: the OneDrive folders of megan@charlie.onmicrosoft.com (selected). Manage it in the console, or change it there first.',
      );
    });

    it("says that a certificate is on no server to import from", async () => {
      expect(await failedImport({ type: "vb365:index:TenantCertificate", name: "cert", id: "0123456789ABCDEF0123456789ABCDEF01234567" })).to.contain(
        "A TenantCertificate cannot be imported: its private key exists only in the stack that made it.",
      );
    });

    it("names the server that has no such organization", async () => {
      expect(await failedImport({ type: "vb365:index:Organization", name: "ghost", id: "00000000-0000-4000-8000-000000000000" })).to.contain(
        `${fx.emulator.url} has no organization 00000000-0000-4000-8000-000000000000`,
      );
    });
  });
});
