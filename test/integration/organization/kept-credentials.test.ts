import { expect } from "chai";
import { describe, it } from "mocha";
import type { OrganizationInputs, OrganizationOutputs } from "../../../provider/organization/types";
import { rejection } from "../../helpers/rejection";
import { addExistingApplicationTenant, checkAndCreate, checked, configuredProvider, emulatorConfig, registerCertificate, useProviderWorld } from "../../helpers/organization-provider";
import { APPLICATION_ID, existingApplicationInputs, type TestPfx, withoutServiceCertificates } from "../../helpers/tenant-fixtures";

/** An existing-application tenant as the server holds it, declared without its credentials. */
function keptInputs(pfx: TestPfx, tenant: string, overrides: Partial<OrganizationInputs> = {}): OrganizationInputs {
  return { ...withoutServiceCertificates(existingApplicationInputs(pfx, tenant)), organizationName: tenant, adoptExisting: true, keepServerCredentials: true, ...overrides };
}

describe("Vb365Organization keeping the credentials the server has (keepServerCredentials)", () => {
  const world = useProviderWorld();
  const writes = () => world.emulator.requests().filter((request) => request.method !== "GET" && request.kind !== "token");

  async function existingOrganization(version: string, tenant = "contoso.onmicrosoft.com") {
    const setup = await configuredProvider(emulatorConfig(world.emulator, version));
    const created = await addExistingApplicationTenant(setup, world.emulator, world.pfx, tenant);
    world.emulator.resetCounters();
    return created;
  }

  for (const version of ["v6", "v7", "v8"]) {
    it(`${version}: takes over an organization that matches the declaration without a single write, recording the server's thumbprint`, async () => {
      const existing = await existingOrganization(version);
      const provider = await configuredProvider(emulatorConfig(world.emulator, version));
      const { id, outs } = await checkAndCreate(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com"));
      expect(id).to.equal(existing.id);
      expect(writes()).to.deep.equal([]);
      expect(outs.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
      expect(outs.sharePointOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
      const news = await checked(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com"));
      expect((await provider.diff(id, outs, news)).changes).to.equal(false);
    });
  }

  it("updates what is declared, sending no credential, and the server keeps its certificate", async () => {
    const existing = await existingOrganization("v8");
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { outs } = await checkAndCreate(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com", { description: "Silver tier" }));
    const puts = writes();
    expect(puts.map((request) => `${request.method} ${request.kind}`)).to.deep.equal(["PUT organizations.update"]);
    expect(JSON.stringify(puts[0].requestBody)).to.not.match(/applicationCertificate"|password|applicationSecret/);
    const stored = world.emulator.state().organizations.find((organization) => organization.id === existing.id)!;
    expect(stored.description).to.equal("Silver tier");
    expect(stored.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);

    // A change later is an update in place too, and still sends no credential.
    const news = await checked(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com", { description: "Gold tier" }));
    world.emulator.resetCounters();
    const updated = await provider.update(existing.id, outs, news);
    expect(JSON.stringify(writes().map((request) => request.requestBody))).to.not.match(/applicationCertificate"|password/);
    expect(updated.outs?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
  });

  it("sees a certificate rotated in the console on refresh as a record, not as drift", async () => {
    const existing = await existingOrganization("v8");
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { outs } = await checkAndCreate(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com"));
    // The console's rotation, as the provider's own update with the other certificate, registered first.
    const other = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    registerCertificate(world.emulator, world.rotated, "contoso.onmicrosoft.com");
    const rotatedInputs = await checked(other, existingApplicationInputs(world.rotated, "contoso.onmicrosoft.com", { registeredThumbprints: [world.rotated.thumbprint] }));
    await other.update(existing.id, existing.outs, rotatedInputs);
    const read = await (await configuredProvider(emulatorConfig(world.emulator, "v8"))).read(existing.id, outs);
    expect(read.props?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.rotated.thumbprint);
    const news = await checked(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com"));
    expect((await provider.diff(existing.id, read.props as OrganizationOutputs, news)).changes).to.equal(false);
  });

  it("rotates in place once a certificate is declared, registered and confirmed, and keepServerCredentials is dropped", async () => {
    const existing = await existingOrganization("v8");
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { outs } = await checkAndCreate(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com"));
    const declared = { ...existingApplicationInputs(world.rotated, "contoso.onmicrosoft.com"), organizationName: "contoso.onmicrosoft.com", adoptExisting: true };

    // Not confirmed yet: the organization stays on the server's certificate, and nothing is sent.
    const waiting = await checked(provider, declared);
    expect((await provider.diff(existing.id, outs, waiting)).changes).to.equal(true);
    world.emulator.resetCounters();
    const recorded = (await provider.update(existing.id, outs, waiting)).outs!;
    expect(world.emulator.counters().total, "requests of an update that only records the wait").to.equal(0);
    expect(recorded.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
    expect(recorded.pendingCertificateThumbprint).to.equal(world.rotated.thumbprint);
    expect(recorded.certificateRotation).to.equal(
      `waiting: the customer to register certificate ${world.rotated.thumbprint} on application ${APPLICATION_ID} in contoso.onmicrosoft.com (their Entra app registration), then to add it to registeredThumbprints; ${world.pfx.thumbprint} stays in use until then (its end of validity is not known here: its PFX is no longer declared).`,
    );
    expect((await provider.diff(existing.id, recorded, waiting)).changes, "the wait is recorded once").to.equal(false);

    registerCertificate(world.emulator, world.rotated, "contoso.onmicrosoft.com");
    const confirmed = await checked(provider, { ...declared, registeredThumbprints: [world.rotated.thumbprint] });
    expect((await provider.diff(existing.id, recorded, confirmed)).changes).to.equal(true);
    const updated = await provider.update(existing.id, recorded, confirmed);
    expect(updated.outs?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.rotated.thumbprint);
    expect(updated.outs?.pendingCertificateThumbprint).to.equal(undefined);
    expect(updated.outs?.certificateRotation).to.match(new RegExp(`^switched: from ${world.pfx.thumbprint} to ${world.rotated.thumbprint} on \\d{4}-\\d{2}-\\d{2}; ${world.pfx.thumbprint} can now be removed from application ${APPLICATION_ID}\\.$`));
    const stored = world.emulator.state().organizations;
    expect(stored.map((organization) => [organization.id, organization.exchangeOnlineSettings?.applicationCertificateThumbprint])).to.deep.equal([[existing.id, world.rotated.thumbprint]]);
    expect(world.emulator.trustReport().every((entry) => entry.trusted)).to.equal(true);
  });

  it("changes nothing on a server that wants credentials with every PUT, and says how to go on", async () => {
    const existing = await existingOrganization("v8");
    world.emulator.configure({ putSemantics: "replace" });
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const error = await rejection(checkAndCreate(provider, keptInputs(world.pfx, "contoso.onmicrosoft.com", { description: "Silver tier" })));
    expect(error.message).to.match(/^VB365 PUT \/v8\/Organizations\/\S+ failed with 400: .*This server wants the credentials with every update of contoso\.onmicrosoft\.com .*nothing was changed\. Declare the tenant's PFX \(applicationCertificate\) and set keepServerCredentials: false/);
    const stored = world.emulator.state().organizations;
    expect(stored.map((organization) => [organization.id, organization.description ?? null, organization.exchangeOnlineSettings?.applicationCertificateThumbprint])).to.deep.equal([[existing.id, null, world.pfx.thumbprint]]);
  });

  it("refuses at preview what cannot be kept: no organization to adopt, a declared certificate or password, a new application", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const failures = async (inputs: OrganizationInputs) => (await provider.check({} as OrganizationInputs, inputs)).failures?.map((failure) => failure.property) ?? [];
    expect(await failures(keptInputs(world.pfx, "contoso.onmicrosoft.com", { adoptExisting: false }))).to.deep.equal(["adoptExisting"]);
    expect(await failures(keptInputs(world.pfx, "contoso.onmicrosoft.com", { applicationCertificate: world.pfx.pfxBase64, applicationCertificatePassword: world.pfx.password }))).to.deep.equal(["applicationCertificate"]);
    const withPassword = keptInputs(world.pfx, "contoso.onmicrosoft.com");
    withPassword.exchangeOnlineSettings = { ...withPassword.exchangeOnlineSettings!, password: "Some-Passw0rd" };
    expect(await failures(withPassword)).to.deep.equal(["exchangeOnlineSettings.password"]);
    const keptNew = keptInputs(world.pfx, "contoso.onmicrosoft.com", { newApplicationName: "VB365" });
    for (const service of ["exchangeOnlineSettings", "sharePointOnlineSettings"] as const) keptNew[service] = { ...keptNew[service]!, applicationId: undefined };
    expect(await failures(keptNew)).to.include("newApplicationName");
    expect(world.emulator.counters().total).to.equal(0);
  });
});
