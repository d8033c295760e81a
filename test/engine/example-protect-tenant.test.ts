import { expect } from "chai";
import { before, describe, it } from "mocha";
import { emulatorConfig } from "../helpers/emulator-stack";
import { registeredByCustomer } from "../helpers/customer-registration";
import { type ExampleFixture, exampleFixture } from "../helpers/example-stack";
import { plaintextSecretsIn, revealed } from "../helpers/secrets-scan";
import { DEFAULT_USER } from "../../emulator";

const APPLICATION_ID = "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a";
const PORTAL_APPLICATION_ID = "58a0f8e1-97bd-4804-ba69-bde1db293223";
const VERSIONS = ["v7", "v8"] as const;

// The same program on a v7 and a v8 server, side by side: v7 posts jobs under the organization,
// v8 to /Jobs; the example does not change.
describe("example protect-tenant, on v7 and v8", () => {
  const fixtures = Object.fromEntries(
    VERSIONS.map((version) => [version, exampleFixture("protect-tenant", (emulator) => ({ ...emulatorConfig(emulator, version), applicationId: { value: APPLICATION_ID } }))]),
  ) as Record<(typeof VERSIONS)[number], ExampleFixture>;
  const each = <T>(run: (fx: ExampleFixture, version: (typeof VERSIONS)[number]) => Promise<T>) => Promise.all(VERSIONS.map((version) => run(fixtures[version], version)));

  before(() => {
    for (const version of VERSIONS) {
      fixtures[version].emulator.configure({ restorePortal: { isEnabled: true, applicationId: PORTAL_APPLICATION_ID, msalAuthorityUri: "https://login.microsoftonline.com/common", restorePortalUri: "https://vb365.example:4443" } });
    }
  });

  it("onboards the tenant with its two jobs and its helpdesk role: one POST each, one token, one repository lookup", async () => {
    await each(async (fx, version) => {
      // The customer uploads the tenant's certificate to their application first.
      await registeredByCustomer(fx, [{ certificate: "northwind", organizationName: "northwind.onmicrosoft.com", applicationId: APPLICATION_ID }]);
      fx.emulator.resetCounters();
      const result = await fx.stack.up();
      // The organization, 2 jobs and the role; the stack and the certificate came with the targeted up.
      expect(result.summary.resourceChanges, version).to.deep.equal({ create: 4, same: 2 });
      const [organization] = fx.emulator.state().organizations;
      const { jobs, roles, inventories } = fx.emulator.state();
      const inventory = inventories[organization.id];
      const idOf = (name: string) => inventory.users.find((user) => user.name === name)!.id;

      const everything = jobs.find((job) => job.name === "northwind-everything")!;
      expect(everything).to.deep.include({ organizationId: organization.id, backupType: "EntireOrganization", isEnabled: true });
      const window = everything.schedulePolicy.backupWindowSettings as { backupWindow: boolean[] };
      expect(everything.schedulePolicy).to.deep.include({ type: "Daily", dailyTime: "22:00:00", backupWindowEnabled: true, retryEnabled: true, retryNumber: 3 });
      // Monday 12:00 is office hours; Saturday noon and Monday 21:00 are in the window.
      expect([window.backupWindow[24 + 12], window.backupWindow[6 * 24 + 12], window.backupWindow[24 + 21]], version).to.deep.equal([false, true, true]);

      const executives = jobs.find((job) => job.name === "northwind-executives")!;
      expect(executives.backupType).to.equal("SelectedItems");
      const selected = JSON.stringify(executives.selectedItems);
      for (const user of ["megan@northwind.onmicrosoft.com", "alex@northwind.onmicrosoft.com"]) expect(selected, user).to.include(idOf(user));
      expect(selected).to.include("https://northwind.sharepoint.com/sites/Sales");

      expect(roles).to.have.length(1);
      expect(roles[0]).to.deep.include({ organizationId: organization.id, name: "northwind-helpdesk", roleType: "SpecificObjects" });
      expect(roles[0].operators.map((operator) => operator.id)).to.deep.equal([idOf("admin@northwind.onmicrosoft.com")]);

      const consent = new URL(String(result.outputs.restorePortalConsentUrl.value));
      expect(consent.pathname).to.equal("/northwind.onmicrosoft.com/adminconsent");
      expect(consent.searchParams.get("client_id")).to.equal(PORTAL_APPLICATION_ID);
      expect(String(result.outputs.restorePortalStatus.value)).to.match(/^available: /);
      expect(result.outputs.jobIds.value).to.deep.equal({ everything: everything.id, executives: executives.id });
      expect(result.outputs.restoreOperatorRoleId.value).to.equal(roles[0].id);

      const counters = fx.emulator.counters().byKind;
      expect(counters, version).to.deep.include({ token: 1, "organizations.create": 1, "jobs.create": 2, "rbacRoles.create": 1, "repositories.list": 1, "restorePortal.get": 1 });
      expect(counters, "a new organization, nothing to recover").to.not.have.any.keys("organizations.update", "jobs.update", "rbacRoles.update");
    });
  });

  it("previews no change without a single request, and keeps every secret out of the state", async () => {
    await each(async (fx, version) => {
      fx.emulator.resetCounters();
      await fx.stack.preview({ expectNoChanges: true });
      expect(fx.emulator.counters().total, version).to.equal(0);
      const exported = await fx.stack.stack.exportStack();
      const certificate = exported.deployment.resources?.find((resource: { type: string }) => resource.type.endsWith(":TenantCertificate"));
      const secrets = { vb365Password: DEFAULT_USER.password, pfx: String(revealed(certificate?.outputs?.pfxBase64)).slice(0, 64), pfxPassword: String(revealed(certificate?.outputs?.password)) };
      expect(secrets.pfxPassword, "the state holds the certificate's password, encrypted").to.have.length.greaterThan(6);
      expect(plaintextSecretsIn(fx.stack.stateText(), secrets), version).to.deep.equal([]);
    });
  });

  it("removes the role and the jobs before the organization on destroy, leaving nothing", async () => {
    await each(async (fx, version) => {
      await fx.stack.destroy();
      const { organizations, jobs, roles } = fx.emulator.state();
      expect({ organizations, jobs, roles }, version).to.deep.equal({ organizations: [], jobs: [], roles: [] });
    });
  });
});
