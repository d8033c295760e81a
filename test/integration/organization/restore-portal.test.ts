import { expect } from "chai";
import { describe, it } from "mocha";
import { addExistingApplicationTenant, checkAndCreate, configuredProvider, emulatorConfig, useProviderWorld } from "../../helpers/organization-provider";
import { basicInputs } from "../../helpers/tenant-fixtures";

const PORTAL_APP = "58a0f8e1-97bd-4804-ba69-bde1db293223";

describe("Vb365Organization's Restore Portal outputs against the emulator", () => {
  const world = useProviderWorld();
  const portalReads = () => world.emulator.counters().byKind["restorePortal.get"] ?? 0;

  for (const version of ["v6", "v7", "v8"]) {
    it(`${version}: gives each app-only tenant its consent URL, reading the server's settings once for all of them`, async () => {
      world.emulator.configure({ restorePortal: { isEnabled: true, applicationId: PORTAL_APP, msalAuthorityUri: "https://login.microsoftonline.com/common", restorePortalUri: "https://portal.example:4443" } });
      const provider = await configuredProvider(emulatorConfig(world.emulator, version));
      const tenants = ["contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com", "northwind.onmicrosoft.com"];
      const created = await Promise.all(tenants.map((tenant) => addExistingApplicationTenant(provider, world.emulator, world.pfx, tenant)));
      created.forEach(({ outs }, index) => {
        const url = new URL(outs.restorePortalConsentUrl!);
        expect(url.pathname).to.equal(`/${tenants[index]}/adminconsent`);
        expect(url.searchParams.get("client_id")).to.equal(PORTAL_APP);
        // v6's RESTRestorePortalSettings has no restorePortalUri.
        expect(url.searchParams.get("redirect_uri")).to.equal(version === "v6" ? null : "https://portal.example:4443");
        expect(outs.restorePortalStatus).to.match(/^available: /);
      });
      expect(portalReads()).to.equal(1);
    });
  }

  it("says the portal is disabled on a server that never set it up, and a refresh sees it turned on", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { id, outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    expect(outs.restorePortalStatus).to.match(/^disabled: /);
    expect(outs.restorePortalConsentUrl).to.equal(undefined);

    world.emulator.configure({ restorePortal: { isEnabled: true, applicationId: PORTAL_APP, msalAuthorityUri: null, restorePortalUri: null } });
    // Another process, as the next `pulumi refresh` is: the settings are read once per process.
    const later = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const read = await later.read(id, outs);
    expect(read.props?.restorePortalConsentUrl).to.equal(`https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=${PORTAL_APP}`);
    expect(read.inputs).to.not.have.any.keys("restorePortalStatus", "restorePortalConsentUrl", "organizationId");
  });

  it("keeps a settled consent URL on refresh without asking the server again", async () => {
    world.emulator.configure({ restorePortal: { isEnabled: true, applicationId: PORTAL_APP, msalAuthorityUri: null, restorePortalUri: null } });
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { id, outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    world.emulator.resetCounters();
    const read = await (await configuredProvider(emulatorConfig(world.emulator, "v8"))).read(id, outs);
    expect(read.props?.restorePortalConsentUrl).to.equal(outs.restorePortalConsentUrl);
    expect(world.emulator.counters().byKind).to.deep.equal({ token: 1, "organizations.list": 1 });
  });

  it("says why a basic-authentication tenant cannot use the portal, without asking the server", async () => {
    world.emulator.configure({ restorePortal: { isEnabled: true, applicationId: PORTAL_APP, msalAuthorityUri: null, restorePortalUri: null } });
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v7"));
    const { outs } = await checkAndCreate(provider, basicInputs("contoso.onmicrosoft.com"));
    expect(outs.restorePortalStatus).to.match(/^unavailable: .*basic authentication/);
    expect(outs.restorePortalConsentUrl).to.equal(undefined);
    expect(portalReads()).to.equal(0);
  });

  it("adds the organization even when the portal settings cannot be read, and says so", async () => {
    world.emulator.configure({ restorePortal: { isEnabled: true, applicationId: PORTAL_APP, msalAuthorityUri: null, restorePortalUri: null } });
    world.emulator.injectFault({ kind: "restorePortal.get", status: 403, message: "Access to the portal settings is denied." });
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    expect(world.emulator.state().organizations).to.have.length(1);
    expect(outs.restorePortalStatus).to.match(/^unknown: VB365 GET \/v8\/RestorePortalSettings failed with 403: Access to the portal settings is denied/);
  });
});
