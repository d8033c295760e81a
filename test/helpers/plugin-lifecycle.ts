import { expect } from "chai";
import { describe, it } from "mocha";
import { emulatorConfig, organizationsByName, signedInDeviceCode } from "./emulator-stack";
import { type ImportableServer, importableServer, importAsProgram } from "./plugin-import";
import { type PluginFixture, type PluginLanguage, pluginFixture } from "./plugin-project";
import { plaintextSecretsIn, revealed } from "./secrets-scan";

export interface OneTenantProgram {
  example: string;
  language: PluginLanguage;
  /** The tenant the program onboards, with a device code from config `deviceCode`. */
  organization: string;
  /** What its first up creates, the stack included. */
  creates: number;
  jobs: string[];
  roles: string[];
}

/**
 * The life of a one-tenant program that uses the vb365 plugin, as each language's engine test
 * runs it: create, a no-change preview without a request and no plaintext credential in state,
 * an update in place (config `description`), refresh in one listing per collection, destroy; then
 * `pulumi import` of what a server set up by hand has, whose printed code becomes the program and
 * previews with no change.
 */
export function describeOneTenantProgram(program: OneTenantProgram): void {
  describe(`the vb365 plugin from ${program.language} (examples/${program.example})`, function () {
    this.timeout(600_000);
    const fx = pluginFixture(program.example, program.language, (emulator) => emulatorConfig(emulator));
    const secrets: Record<string, string> = {};
    const organization = () => organizationsByName(fx.emulator).get(program.organization);

    it("onboards the tenant, its jobs and roles in one up: one token, one POST each", async () => {
      secrets.deviceCode = await signedInDeviceCode(fx.emulator, fx.client, program.organization);
      await fx.stack.stack.setConfig("deviceCode", { value: secrets.deviceCode, secret: true });
      fx.emulator.resetCounters();
      const result = await fx.stack.up();
      expect(result.summary.resourceChanges).to.deep.equal({ create: program.creates });
      expect(organization()).to.deep.include({ id: result.outputs.organizationId.value, authenticationKind: "newApplication", newApplicationName: `VB365 ${program.organization}` });
      expect(organization()?.sharePointOnlineSettings?.applicationCertificateThumbprint).to.equal(result.outputs.thumbprint.value);
      expect(fx.emulator.state().jobs.map((job) => job.name).sort()).to.deep.equal(program.jobs);
      expect(fx.emulator.state().roles.map((role) => role.name).sort()).to.deep.equal(program.roles);
      const posts = { "organizations.create": 1, "jobs.create": program.jobs.length, ...(program.roles.length ? { "rbacRoles.create": program.roles.length } : {}) };
      expect(fx.emulator.counters().byKind).to.deep.include({ token: 1, "repositories.list": 1, ...posts });
    });

    it("previews no change without a request, every credential encrypted in state", async () => {
      fx.emulator.resetCounters();
      await fx.stack.preview({ expectNoChanges: true });
      expect(fx.emulator.counters().total).to.equal(0);
      const certificate = (await fx.stack.stack.exportStack()).deployment.resources.find((resource: { type: string }) => resource.type === "vb365:index:TenantCertificate");
      secrets.password = revealed(certificate.outputs.password) as string;
      secrets.pfx = (revealed(certificate.outputs.pfxBase64) as string).slice(0, 64);
      expect(plaintextSecretsIn(fx.stack.stateText(), secrets)).to.deep.equal([]);
    });

    it("updates the organization in place when its declaration changes", async () => {
      const id = organization()!.id;
      await fx.stack.stack.setConfig("description", { value: "Mail only on weekends" });
      const result = await fx.stack.up();
      expect(result.summary.resourceChanges).to.deep.include({ update: 1 });
      expect(organization()).to.deep.include({ id, description: "Mail only on weekends" });
    });

    it("refreshes from one listing per collection and a token, then previews no change", async () => {
      fx.emulator.resetCounters();
      const result = await fx.stack.refresh();
      expect(result.summary.resourceChanges).to.deep.include({ same: program.creates });
      const listings = { "organizations.list": 1, "jobs.list": 1, ...(program.roles.length ? { "rbacRoles.list": 1 } : {}) };
      expect(fx.emulator.counters().byKind).to.deep.include({ token: 1, ...listings });
      await fx.stack.preview({ expectNoChanges: true });
    });

    it("destroys the jobs and roles before the organization, leaving nothing", async () => {
      await fx.stack.destroy();
      const state = fx.emulator.state();
      expect({ organizations: state.organizations, jobs: state.jobs, roles: state.roles }).to.deep.equal({ organizations: [], jobs: [], roles: [] });
    });

    describeImport(fx, program.language);
  });
}

/**
 * `pulumi import` into the program's stack, emptied by destroy: six organizations of every
 * authentication kind, two jobs and a role, printed as the language's code, which then previews
 * with no change. Nothing VB365 never returns needs filling in: an imported organization keeps the
 * server's credentials.
 */
export function describeImport(fx: PluginFixture, language: PluginLanguage): { server?: ImportableServer } {
  const imported: { server?: ImportableServer } = {};
  it("imports what a server set up by hand has and prints its code, changing nothing on the server", async () => {
    const server = (imported.server = await importableServer(fx.emulator));
    const estate = () => {
      const { organizations, jobs, roles } = fx.emulator.state();
      return { organizations, jobs, roles };
    };
    const before = estate();
    const code = await importAsProgram(fx, language, server.resources);
    expect(estate(), "the server after the import").to.deep.equal(before);
    expect(code).to.contain("charlie.onmicrosoft.com").and.contain("Charlie everything").and.contain("Charlie helpdesk");
  });

  it("previews the imported program with no change and no request", async () => {
    fx.emulator.resetCounters();
    await fx.stack.preview({ expectNoChanges: true });
    expect(fx.emulator.counters().total).to.equal(0);
  });
  return imported;
}
