import { expect } from "chai";
import { after, before, beforeEach, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { Vb365Client } from "../../../provider/client";
import type { OrganizationProvider } from "../../../provider/organization/provider";
import type { OrganizationInputs, OrganizationOutputs } from "../../../provider/organization/types";
import { checkAndCreate, configuredProvider, emulatorConfig, emulatorConnection, registerCertificate } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";
import { existingApplicationInputs, makePfx, newApplicationInputs, type TestPfx } from "../../helpers/tenant-fixtures";

const tenant = (i: number) => `t${i}.onmicrosoft.com`;

// Providers run one multi-tenant application with one certificate for many customers: nothing
// of that shared certificate may ever map one tenant's resource onto another's organization.
describe("Vb365Organization tenant identity, tenants sharing one application and certificate", () => {
  let emulator: Emulator;
  let shared: TestPfx;
  let rotated: TestPfx;

  before(async () => {
    [emulator, shared, rotated] = await Promise.all([startEmulator({ recordBodies: true }), makePfx("multi-tenant app VB365"), makePfx("multi-tenant app VB365, next")]);
  });
  after(() => emulator?.close());
  beforeEach(() => {
    emulator.reset();
    // The provider's multi-tenant application carries the shared certificate once, for every tenant.
    registerCertificate(emulator, shared);
  });

  /** An existing-application tenant on the shared certificate whose inputs name no tenant: its account lacks the domain. */
  function unnamedInputs() {
    const inputs = existingApplicationInputs(shared, tenant(1));
    const { officeOrganizationName: _name, ...sharePoint } = inputs.sharePointOnlineSettings!;
    return { ...inputs, exchangeOnlineSettings: { ...inputs.exchangeOnlineSettings, account: "backup" }, sharePointOnlineSettings: { ...sharePoint, account: "backup" } };
  }

  /** Organization id of each tenant as the server holds it. */
  function serverIds(): Map<string, string> {
    return new Map(emulator.state().organizations.map((organization) => [organization.name, organization.id]));
  }

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      let provider: OrganizationProvider;
      beforeEach(async () => {
        provider = await configuredProvider(emulatorConfig(emulator, version));
      });

      it("records each tenant as its own organization after a connection reset the server had acted on", async () => {
        for (const i of [1, 2, 3]) await checkAndCreate(provider, existingApplicationInputs(shared, tenant(i)));
        emulator.injectFault({ kind: "organizations.create", reset: "after", times: 1 });
        const { id } = await checkAndCreate(provider, existingApplicationInputs(shared, tenant(10)));
        expect(id).to.equal(serverIds().get(tenant(10)));
        expect(emulator.state().organizations).to.have.length(4);
      });

      it("takes back each tenant's own organization when an interrupted run had added them all (409)", async () => {
        const first = new Map<string, string>();
        for (const i of [1, 2, 3, 4]) first.set(tenant(i), (await checkAndCreate(provider, existingApplicationInputs(shared, tenant(i)))).id);
        // The next run knows nothing of them: every create is refused as already added.
        const rerun = await configuredProvider(emulatorConfig(emulator, version));
        for (const i of [4, 3, 2, 1]) {
          const { id } = await checkAndCreate(rerun, existingApplicationInputs(shared, tenant(i)));
          expect(id, tenant(i)).to.equal(first.get(tenant(i)));
        }
        expect(emulator.state().organizations).to.have.length(4);
      });

      // The typo of a real onboarding: an account without its domain names no tenant, and VB365
      // refuses the POST. The one organization carrying the shared certificate is another customer's.
      it("reports a refused create that names no tenant, and leaves another tenant's organization with the same certificate alone", async () => {
        const other = await checkAndCreate(provider, existingApplicationInputs(shared, tenant(1)));
        const before = structuredClone(emulator.state().organizations);
        emulator.resetCounters();
        const error = await rejection(checkAndCreate(provider, unnamedInputs()));
        expect(error.message).to.match(new RegExp(`^VB365 POST /${version}/Organizations failed with 400: .* Nothing was taken back or changed: these inputs name no Microsoft 365 organization`));
        expect(error.message).to.contain("Set organizationName to the tenant's name as VB365 reports it (e.g. contoso.onmicrosoft.com) and run again");
        expect(emulator.state().organizations).to.deep.equal(before);
        expect(before.map((organization) => organization.id)).to.deep.equal([other.id]);
        expect(emulator.counters().byKind).to.deep.include({ "organizations.create": 1 });
        expect(emulator.counters().byKind).to.not.have.any.keys("organizations.list", "organizations.update", "organizations.delete");
      });

      it("reports a 409 to a create that names no tenant as it is, and takes back nothing", async () => {
        await checkAndCreate(provider, existingApplicationInputs(shared, tenant(1)));
        const before = structuredClone(emulator.state().organizations);
        emulator.injectFault({ kind: "organizations.create", status: 409, message: "The organization has already been added.", times: 1 });
        const error = await rejection(checkAndCreate(provider, unnamedInputs()));
        expect(error.message).to.match(new RegExp(`^VB365 POST /${version}/Organizations failed with 409: The organization has already been added\\. .*Nothing was taken back or changed`));
        expect(emulator.state().organizations).to.deep.equal(before);
      });

      it("does not send again a create that names no tenant once its answer is lost, and says that attempt may have added it", async () => {
        await checkAndCreate(provider, existingApplicationInputs(shared, tenant(1)));
        emulator.resetCounters();
        emulator.injectFault({ kind: "organizations.create", reset: "after", times: 1 });
        const error = await rejection(checkAndCreate(provider, unnamedInputs()));
        expect(error.name).to.equal("AmbiguousOrganizationError");
        expect(error.message).to.match(new RegExp(`^VB365 POST /${version}/Organizations failed: the connection to .* was reset before an answer came\\. Whether that attempt added the organization is unknown, so it was not sent again:`));
        expect(error.message).to.contain("Set organizationName to the tenant's name as VB365 reports it (e.g. contoso.onmicrosoft.com) and run again");
        expect(error.message).to.not.contain("Nothing was taken back or changed");
        expect(emulator.counters().byKind).to.deep.include({ "organizations.create": 1 });
        expect(emulator.counters().byKind).to.not.have.any.keys("organizations.list", "organizations.update", "organizations.delete");
      });

      it("adopts with adoptExisting the organization of each tenant's own name", async () => {
        const tenants = [1, 2, 3, 4, 5, 6].map(tenant);
        for (const name of tenants) await checkAndCreate(provider, existingApplicationInputs(shared, name));
        const adopted = [];
        for (const name of tenants) {
          const { id, outs } = await checkAndCreate(provider, existingApplicationInputs(shared, name, { organizationName: name, adoptExisting: true }));
          expect(id, name).to.equal(serverIds().get(name));
          expect(outs.name).to.equal(name);
          adopted.push(id);
        }
        expect(new Set(adopted).size).to.equal(6);
      });
    });
  }

  describe("a device code signed in to another tenant", () => {
    async function codeSignedInTo(version: string, organizationName: string): Promise<string> {
      const client = new Vb365Client(emulatorConnection(emulator, version));
      const code = await client.createDeviceCode("Worldwide").finally(() => client.close());
      emulator.approveDeviceCode(code.userCode, organizationName);
      return code.userCode;
    }

    for (const version of ["v6", "v7", "v8"] as const) {
      it(`on ${version}: is refused, and the organization it added is removed again`, async () => {
        const provider = await configuredProvider(emulatorConfig(emulator, version));
        const userCode = await codeSignedInTo(version, "contoso.onmicrosoft.com");
        const error = await rejection(checkAndCreate(provider, newApplicationInputs(shared, userCode, { organizationName: "fabrikam.onmicrosoft.com" })));
        expect(error.message).to.match(/^VB365 added contoso\.onmicrosoft\.com instead of fabrikam\.onmicrosoft\.com: the administrator who signed in with the device code belongs to contoso/);
        expect(error.message).to.contain("have a Global Administrator of fabrikam.onmicrosoft.com sign in");
        expect(emulator.state().organizations).to.deep.equal([]);
        expect(emulator.counters().byKind["organizations.delete"]).to.equal(1);
      });
    }

    it("is refused at preview without organizationName, before any request", async () => {
      const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
      const userCode = await codeSignedInTo("v8", "contoso.onmicrosoft.com");
      emulator.resetCounters();
      const checked = await provider.check({}, newApplicationInputs(shared, userCode, { organizationName: undefined }));
      expect(checked.failures?.map((failure) => failure.property)).to.deep.equal(["organizationName"]);
      expect(checked.failures?.[0]?.reason).to.match(/^organizationName is required with newApplicationName: set it to the Microsoft 365 name of the tenant whose Global Administrator signs in with the device code/);
      expect(emulator.counters().total).to.equal(0);
    });

    it("is refused by a create without organizationName before any request, and stays unused", async () => {
      const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
      const userCode = await codeSignedInTo("v8", "contoso.onmicrosoft.com");
      const checked = await provider.check({}, newApplicationInputs(shared, userCode));
      emulator.resetCounters();
      const error = await rejection(provider.create({ ...checked.inputs!, organizationName: undefined }));
      expect(error.message).to.match(/^organizationName is required with newApplicationName: .* Nothing was sent to VB365\.$/);
      expect(emulator.counters().total).to.equal(0);
      expect(emulator.deviceCodes().find((code) => code.userCode === userCode)?.used).to.equal(false);
      expect(emulator.state().organizations).to.deep.equal([]);
    });

    // An organization whose state has no organizationName: check lets a new code through, since
    // only the certificate in use, which the state holds, tells whether it will be used.
    describe("given to an organization added without organizationName", () => {
      const TENANT = "fabrikam.onmicrosoft.com";
      const unnamed = (pfx: TestPfx, userCode: string, extra: Partial<OrganizationInputs> = {}) => newApplicationInputs(pfx, userCode, { organizationName: undefined, ...extra });
      const refusal = (thumbprint: string) =>
        "organizationName is required with newApplicationName: set it to the Microsoft 365 name of the tenant whose Global Administrator signs in with the device code, " +
        "as VB365 reports it (its *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com). Whoever signs in decides which tenant VB365 adds, and only this name " +
        "proves it is this one: tenants may share an application or a certificate. This organization was added without it, and the new device code in userCode would be used now: " +
        `VB365 would register certificate ${thumbprint} on its application with it. Set organizationName to ${TENANT}, the name VB365 reports for it (its \`name\` output): ` +
        "that replaces nothing and sends no request. Nothing was sent to VB365.";

      /** The organization as a stack that declared no organizationName holds it, with the inputs it was added with. */
      async function addedWithoutName(provider: OrganizationProvider): Promise<{ id: string; state: OrganizationOutputs; previous: OrganizationInputs }> {
        const first = await codeSignedInTo("v8", TENANT);
        const { id, outs } = await checkAndCreate(provider, newApplicationInputs(shared, first));
        const { organizationName: _declared, ...state } = outs;
        return { id, state, previous: unnamed(shared, first) };
      }

      it("passes check, and the update sends nothing of the code while no certificate switch waits for one", async () => {
        const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
        const { id, state, previous } = await addedWithoutName(provider);
        const fresh = await codeSignedInTo("v8", TENANT);
        const checked = await provider.check(previous, unnamed(shared, fresh, { description: "Gold tier" }));
        expect(checked.failures).to.equal(undefined);
        expect(await provider.diff(id, state, checked.inputs!)).to.deep.equal({ changes: true, replaces: [] });
        emulator.resetCounters();
        await provider.update(id, state, checked.inputs!);
        const [put, ...others] = emulator.requests().filter((request) => request.method === "PUT");
        expect(others).to.deep.equal([]);
        expect(put!.requestBody).to.include({ description: "Gold tier" });
        expect(put!.requestBody).to.not.have.any.keys("userCode", "configureApplication");
        expect(emulator.deviceCodes().find((code) => code.userCode === fresh)?.used).to.equal(false);
      });

      it("is refused at preview and by the update, naming organizationName, when a certificate switch would use it; with the name it switches", async () => {
        const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
        const { id, state, previous } = await addedWithoutName(provider);
        const fresh = await codeSignedInTo("v8", TENANT);
        const checked = await provider.check(previous, unnamed(rotated, fresh));
        expect(checked.failures).to.equal(undefined);
        emulator.resetCounters();
        expect((await rejection(provider.diff(id, state, checked.inputs!))).message).to.equal(refusal(rotated.thumbprint));
        expect((await rejection(provider.update(id, state, checked.inputs!))).message).to.equal(refusal(rotated.thumbprint));
        expect(emulator.counters().total).to.equal(0);
        expect(emulator.deviceCodes().find((code) => code.userCode === fresh)?.used).to.equal(false);

        const named = await provider.check(previous, unnamed(rotated, fresh, { organizationName: TENANT }));
        expect(await provider.diff(id, state, named.inputs!)).to.deep.equal({ changes: true, replaces: [] });
        await provider.update(id, state, named.inputs!);
        expect(emulator.state().organizations.find((organization) => organization.id === id)?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(rotated.thumbprint);
      });
    });

    it("is accepted when it signed in to the declared tenant", async () => {
      const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
      const userCode = await codeSignedInTo("v8", "fabrikam.onmicrosoft.com");
      const { outs } = await checkAndCreate(provider, newApplicationInputs(shared, userCode, { organizationName: "fabrikam.onmicrosoft.com" }));
      expect(outs.name).to.equal("fabrikam.onmicrosoft.com");
      expect(emulator.counters().byKind["organizations.delete"] ?? 0).to.equal(0);
    });
  });
});
