import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../emulator";
import type { PutSemantics } from "../../emulator/settings";
import { emulatorClient, emulatorConfig, signedInDeviceCode } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";

const VERSIONS = ["v6", "v7", "v8"] as const;

/**
 * Updates and certificate rotation through the engine, on a server whose PUT merges and on one
 * whose PUT replaces the organization with the body (docs/emulator.md): a new-application tenant
 * and an existing-application one on each version, in one stack (programs/versions).
 */
describe("updates and rotation through the Pulumi engine, on v6, v7 and v8, whether PUT merges or replaces", () => {
  let emulator: Emulator;
  let stack: TestStack;

  /** A device code per version, each signed in by the Global Administrator of that version's new-application tenant. */
  async function signedInCodes(): Promise<string> {
    const userCodes: Record<string, string> = {};
    for (const version of VERSIONS) {
      const client = emulatorClient(emulator, version);
      userCodes[version] = await signedInDeviceCode(emulator, client, `registered-${version}.onmicrosoft.com`).finally(() => client.close());
    }
    return JSON.stringify(userCodes);
  }

  before(async () => {
    emulator = await startEmulator();
    const connections = Object.fromEntries(
      VERSIONS.map((version) => [version, { url: emulator.url, username: DEFAULT_USER.name, password: DEFAULT_USER.password, apiVersion: version, caCertificate: emulator.caPem }]),
    );
    stack = await TestStack.create({
      programDir: path.join(__dirname, "programs", "versions"),
      config: {
        ...emulatorConfig(emulator),
        "vb365:connections": { value: JSON.stringify(connections), secret: true },
        userCodes: { value: await signedInCodes(), secret: true },
      },
    });
    await stack.up();
  });

  after(async () => {
    await stack?.dispose();
    await emulator?.close();
  });

  const applications = () => emulator.state().organizations.map((organization) => [organization.name, organization.exchangeOnlineSettings?.applicationId]).sort();

  for (const [semantics, teams, generation] of [["replace", true, "2"], ["merge", false, "3"]] as Array<[PutSemantics, boolean, string]>) {
    it(`${semantics}: changes a setting and rotates every certificate in place, then previews no change`, async () => {
      emulator.configure({ putSemantics: semantics });
      const before = { ids: emulator.state().organizations.map((organization) => organization.id).sort(), applications: applications() };
      expect(before.ids).to.have.length(6);
      await stack.stack.setConfig("teams", { value: String(teams) });
      await stack.stack.setConfig("certificateGeneration", { value: generation });
      // What lets each application trust its new certificate: a fresh code where VB365 registers it.
      await stack.stack.setConfig("userCodes", { value: await signedInCodes(), secret: true });
      const result = await stack.up();
      // Every certificate, and the registration of each existing application's.
      expect(result.summary.resourceChanges).to.deep.include({ replace: 9, update: 6 });
      expect(emulator.trustReport().filter((entry) => !entry.trusted), "organizations Entra would refuse").to.deep.equal([]);

      const organizations = emulator.state().organizations;
      expect(organizations.map((organization) => organization.id).sort()).to.deep.equal(before.ids);
      expect(applications(), "the applications, those VB365 registered included").to.deep.equal(before.applications);
      const thumbprints = new Set(stack.resources().filter((resource) => resource.type.endsWith(":TenantCertificate")).map((resource) => resource.outputs?.thumbprint));
      for (const organization of organizations) {
        expect(organization.isTeamsOnline, organization.name).to.equal(teams);
        expect(thumbprints.has(organization.exchangeOnlineSettings?.applicationCertificateThumbprint), organization.name).to.equal(true);
        expect(organization.sharePointOnlineSettings?.officeOrganizationName, organization.name).to.equal(organization.name);
      }
      const versions = new Set(emulator.requests().filter((entry) => entry.kind === "organizations.update").map((entry) => entry.version));
      expect([...versions].sort()).to.deep.equal([...VERSIONS]);
      await stack.preview({ expectNoChanges: true });
    });
  }
});
