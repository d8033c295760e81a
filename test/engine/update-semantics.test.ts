import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../emulator";
import type { PutSemantics } from "../../emulator/settings";
import { emulatorClient, emulatorConfig, signedInDeviceCode } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";

/**
 * Updates and certificate rotation through the engine, on a server whose PUT merges and on one
 * whose PUT replaces the organization with the body (docs/emulator.md): a new-application tenant
 * and an existing-application one, on every version.
 */
for (const version of ["v6", "v7", "v8"] as const) {
  describe(`updates and rotation through the Pulumi engine, on ${version}, whether PUT merges or replaces`, () => {
    let emulator: Emulator;
    let stack: TestStack;

    before(async () => {
      emulator = await startEmulator();
      const client = emulatorClient(emulator, version);
      const userCode = await signedInDeviceCode(emulator, client, "fabrikam.onmicrosoft.com").finally(() => client.close());
      stack = await TestStack.create({
        programDir: path.join(__dirname, "programs", "organizations"),
        config: { ...emulatorConfig(emulator, version), count: { value: "2" }, userCode: { value: userCode, secret: true } },
      });
      await stack.up();
    });

    after(async () => {
      await stack?.dispose();
      await emulator?.close();
    });

    const applications = () => emulator.state().organizations.map((organization) => [organization.name, organization.exchangeOnlineSettings?.applicationId]);

    for (const [semantics, teams, generation] of [["replace", true, "2"], ["merge", false, "3"]] as Array<[PutSemantics, boolean, string]>) {
      it(`${semantics}: changes a setting and rotates both certificates in place, then previews no change`, async () => {
        emulator.configure({ putSemantics: semantics });
        const before = { ids: emulator.state().organizations.map((organization) => organization.id).sort(), applications: applications() };
        await stack.stack.setConfig("teams", { value: String(teams) });
        await stack.stack.setConfig("certificateGeneration", { value: generation });
        const result = await stack.up();
        expect(result.summary.resourceChanges).to.deep.include({ replace: 2, update: 2 });

        const organizations = emulator.state().organizations;
        expect(organizations.map((organization) => organization.id).sort()).to.deep.equal(before.ids);
        expect(applications(), "the applications, the one VB365 registered included").to.deep.equal(before.applications);
        const thumbprints = new Set(stack.resources().filter((resource) => resource.type.endsWith(":TenantCertificate")).map((resource) => resource.outputs?.thumbprint));
        for (const organization of organizations) {
          expect(organization.isTeamsOnline, organization.name).to.equal(teams);
          expect(thumbprints.has(organization.exchangeOnlineSettings?.applicationCertificateThumbprint), organization.name).to.equal(true);
          expect(organization.sharePointOnlineSettings?.officeOrganizationName, organization.name).to.equal(organization.name);
        }
        await stack.preview({ expectNoChanges: true });
      });
    }
  });
}
