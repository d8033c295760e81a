import { expect } from "chai";
import { beforeEach, describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID } from "../../../emulator";
import type { PutSemantics } from "../../../emulator/settings";
import { Vb365Client } from "../../../provider/client";
import { EmulatorClient } from "../../helpers/emulator";
import { signedInDeviceCode } from "../../helpers/emulator-stack";
import { addExistingApplicationTenant, checkAndCreate, checked, configuredProvider, emulatorConfig, emulatorConnection, registerCertificate, useProviderWorld } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";
import { existingApplicationInputs, legacyProtocolInputs, newApplicationInputs } from "../../helpers/tenant-fixtures";

// The provider against the behaviours no source confirms (docs/emulator.md): each test runs
// under every setting of the emulator's switch for it, on every version.
describe("Vb365Organization on servers that behave either way", () => {
  const world = useProviderWorld();

  async function withClient<T>(version: string, work: (client: Vb365Client) => Promise<T>): Promise<T> {
    const client = new Vb365Client(emulatorConnection(world.emulator, version));
    try {
      return await work(client);
    } finally {
      await client.close();
    }
  }

  for (const putSemantics of ["merge", "replace"] as PutSemantics[]) {
    for (const version of ["v6", "v7", "v8"] as const) {
      describe(`PUT that ${putSemantics === "merge" ? "merges" : "replaces"}, on ${version}`, () => {
        beforeEach(() => world.emulator.configure({ putSemantics }));

        it("updates a new-application organization and rotates its certificate in place with a fresh device code, keeping the application VB365 registered", async () => {
          const provider = await configuredProvider(emulatorConfig(world.emulator, version));
          const userCode = await withClient(version, (client) => signedInDeviceCode(world.emulator, client, "fabrikam.onmicrosoft.com"));
          const { id, outs } = await checkAndCreate(provider, newApplicationInputs(world.pfx, userCode, { organizationName: "fabrikam.onmicrosoft.com" }));
          const [before] = world.emulator.state().organizations;

          const fresh = await withClient(version, (client) => signedInDeviceCode(world.emulator, client, "fabrikam.onmicrosoft.com"));
          const news = await checked(provider, newApplicationInputs(world.rotated, fresh, { organizationName: "fabrikam.onmicrosoft.com", isTeamsOnline: false }));
          await provider.update(id, outs, news);

          const [after] = world.emulator.state().organizations;
          expect(after).to.deep.include({ id, name: "fabrikam.onmicrosoft.com", isTeamsOnline: false, isExchangeOnline: true, isSharePointOnline: true });
          for (const service of ["exchangeOnlineSettings", "sharePointOnlineSettings"] as const) {
            expect(after[service]?.applicationId, service).to.equal(before[service]?.applicationId);
            expect(after[service]?.applicationCertificateThumbprint, service).to.equal(world.rotated.thumbprint);
          }
          expect(after.sharePointOnlineSettings?.sharePointSaveAllWebParts).to.equal(true);
        });

        it("changes an existing-application organization without losing its account or organization name", async () => {
          const provider = await configuredProvider(emulatorConfig(world.emulator, version));
          const { id, outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
          const change = version === "v6" ? { isTeamsOnline: true } : { description: "Silver tier" };
          registerCertificate(world.emulator, world.rotated, "contoso.onmicrosoft.com");
          await provider.update(id, outs, await checked(provider, existingApplicationInputs(world.rotated, "contoso.onmicrosoft.com", { ...change, registeredThumbprints: [world.rotated.thumbprint] })));
          const [after] = world.emulator.state().organizations;
          expect(after).to.deep.include(change);
          expect(after.exchangeOnlineSettings).to.include({ account: "backup@contoso.onmicrosoft.com", applicationCertificateThumbprint: world.rotated.thumbprint });
          expect(after.sharePointOnlineSettings).to.include({ officeOrganizationName: "contoso.onmicrosoft.com", applicationCertificateThumbprint: world.rotated.thumbprint });
        });

        // v8 adds no organization with legacy protocols: the kind whose password a replacing PUT would lose.
        if (version !== "v8") {
          it("keeps the account's password and the client secret of a legacy-protocols organization, by sending them", async () => {
            const provider = await configuredProvider(emulatorConfig(world.emulator, version));
            const { id, outs } = await checkAndCreate(provider, legacyProtocolInputs("northwind.onmicrosoft.com"));
            await provider.update(id, outs, await checked(provider, legacyProtocolInputs("northwind.onmicrosoft.com", { isTeamsOnline: true })));
            const [after] = world.emulator.state().organizations;
            expect(after.isTeamsOnline).to.equal(true);
            expect(after.exchangeOnlineSettings).to.include({ hasPassword: true, hasApplicationSecret: true, account: "backup@northwind.onmicrosoft.com" });
          });
        }
      });
    }
  }

  it("refreshes 100 organizations with one token, one listing and one read of the portal settings on a server that does not cap pages", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const created: Array<Awaited<ReturnType<typeof checkAndCreate>>> = [];
    for (let i = 0; i < 100; i++) created.push(await addExistingApplicationTenant(provider, world.emulator, world.pfx, `t${i}.onmicrosoft.com`));
    world.emulator.resetCounters();
    const refreshing = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const reads = await Promise.all(created.map(({ id, outs }) => refreshing.read(id, outs)));
    expect(reads.every((read, i) => read.id === created[i].id)).to.equal(true);
    expect(world.emulator.counters().byKind).to.deep.equal({ token: 1, "organizations.list": 1, "restorePortal.get": 1 });
  });

  describe("v8 pages capped below the limit the provider asks for", () => {
    const CAP = 100;
    const TENANTS = 250;
    beforeEach(async () => {
      world.emulator.configure({ maxPageSize: CAP });
      const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
      for (let i = 0; i < TENANTS; i++) await addExistingApplicationTenant(provider, world.emulator, world.pfx, `t${i}.onmicrosoft.com`);
      world.emulator.resetCounters();
    });

    it("refresh finds an organization on the last page, reading every page once", async () => {
      const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
      const last = world.emulator.state().organizations[TENANTS - 1];
      const read = await provider.read(last.id, { ...existingApplicationInputs(world.pfx, last.name), organizationId: last.id, name: last.name, apiVersion: "v8" });
      expect(read.id).to.equal(last.id);
      expect(world.emulator.counters().byKind["organizations.list"]).to.equal(Math.ceil(TENANTS / CAP));
    });

    it("create recovery after a reset finds the organization the lost answer added, beyond the first page", async () => {
      const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
      world.emulator.injectFault({ kind: "organizations.create", reset: "after", times: 1 });
      const { id } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "late.onmicrosoft.com");
      expect(world.emulator.state().organizations.find((organization) => organization.name === "late.onmicrosoft.com")?.id).to.equal(id);
      expect(world.emulator.state().organizations).to.have.length(TENANTS + 1);
    });

    it("refresh finds an organization on the last page of a server that caps silently, reading on to an empty page", async () => {
      // Each page echoes the limit asked for and links nothing: no short page may be taken for the last.
      world.emulator.configure({ silentPageCap: true });
      try {
        const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
        const last = world.emulator.state().organizations[TENANTS - 1];
        const read = await provider.read(last.id, { ...existingApplicationInputs(world.pfx, last.name), organizationId: last.id, name: last.name, apiVersion: "v8" });
        expect(read.id).to.equal(last.id);
        expect(world.emulator.counters().byKind["organizations.list"]).to.equal(Math.ceil(TENANTS / CAP) + 1);
      } finally {
        world.emulator.configure({ silentPageCap: false });
      }
    });
  });

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`deleting an organization that has an enabled job, on ${version}`, () => {
      async function organizationWithJob() {
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const { id, outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
        // A job as the console would add it.
        const api = new EmulatorClient(world.emulator, version);
        await api.login();
        const job = { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID };
        const response = version === "v8" ? await api.post("/Jobs", { ...job, organizationId: id }) : await api.post(`/Organizations/${id}/Jobs`, job);
        expect(response.status, response.text).to.be.within(200, 201);
        return { provider, id, outs };
      }

      it("is refused by a server that refuses, with the jobs named and what to do", async () => {
        world.emulator.configure({ deleteWithJobs: "refuse" });
        const { provider, id, outs } = await organizationWithJob();
        const error = await rejection(provider.delete(id, outs));
        expect(error.message).to.match(new RegExp(`^VB365 DELETE /${version}/Organizations/${id} failed with 409: .*Backup Job 1.* Remove the backup jobs and restore operator roles of contoso\\.onmicrosoft\\.com in VB365 \\(or from the program\\), then run the command again\\.$`));
        expect(world.emulator.state().organizations).to.have.length(1);
      });

      it("goes with its jobs on a server that cascades", async () => {
        world.emulator.configure({ deleteWithJobs: "cascade" });
        const { provider, id, outs } = await organizationWithJob();
        await provider.delete(id, outs);
        expect(world.emulator.state().organizations).to.deep.equal([]);
        expect(world.emulator.state().jobs).to.deep.equal([]);
      });
    });
  }

  for (const version of ["v6", "v7", "v8"] as const) {
    it(`reads the Restore Portal settings on ${version}`, async () => {
      expect(await withClient(version, (client) => client.getRestorePortalSettings())).to.deep.equal({ isEnabled: false });
      const restorePortal = { isEnabled: true, applicationId: "2c1e5b8a-7d6f-4e3c-9b2a-1f0e8d7c6b5a", msalAuthorityUri: "https://login.microsoftonline.com/organizations", restorePortalUri: "https://vb365.example.com:4443" };
      world.emulator.configure({ restorePortal });
      const read = await withClient(version, (client) => client.getRestorePortalSettings());
      const { restorePortalUri, ...common } = restorePortal;
      expect(read).to.deep.equal(version === "v6" ? common : { ...common, restorePortalUri });
    });
  }
});
