import { expect } from "chai";
import { describe, it } from "mocha";
import { resolveConnection, Vb365Client } from "../../../provider/client";
import { addExistingApplicationTenant, checkAndCreate, checked, configuredProvider, emulatorConfig, registerCertificate, useProviderWorld } from "../../helpers/organization-provider";
import { basicInputs, existingApplicationInputs, legacyProtocolInputs, newApplicationInputs } from "../../helpers/tenant-fixtures";
import { rejection } from "../../helpers/rejection";

describe("Vb365Organization provider against the emulator", () => {
  const world = useProviderWorld();

  async function signedInCode(version: string, organizationName: string): Promise<string> {
    const client = await clientFor(version);
    try {
      const code = await client.createDeviceCode("Worldwide");
      world.emulator.approveDeviceCode(code.userCode, organizationName);
      return code.userCode;
    } finally {
      await client.close();
    }
  }

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("creates, reads, updates and deletes an organization with a new Entra application", async () => {
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const userCode = await signedInCode(version, "fabrikam.onmicrosoft.com");
        const { id, outs } = await checkAndCreate(provider, newApplicationInputs(world.pfx, userCode));
        expect(outs).to.include({ organizationId: id, name: "fabrikam.onmicrosoft.com", apiVersion: version });
        expect(world.emulator.state().organizations).to.have.length(1);

        const read = await provider.read(id, outs);
        expect(read.id).to.equal(id);
        expect(read.props).to.deep.equal(outs);

        const news = await checked(provider, { ...newApplicationInputs(world.pfx, userCode), isTeamsOnline: false });
        const updated = await provider.update(id, outs, news);
        expect(updated.outs?.isTeamsOnline).to.equal(false);
        const [stored] = world.emulator.state().organizations as Array<{ isTeamsOnline: boolean }>;
        expect(stored.isTeamsOnline).to.equal(false);

        await provider.delete(id, updated.outs!);
        expect(world.emulator.state().organizations).to.deep.equal([]);
      });

      it("adds an organization with an existing application", async () => {
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const { outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
        expect(outs.name).to.equal("contoso.onmicrosoft.com");
        expect(outs.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
      });

      it("adds an existing application with configureApplication and a signed-in code", async () => {
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const userCode = await signedInCode(version, "contoso.onmicrosoft.com");
        const { outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com", { organizationName: "contoso.onmicrosoft.com", configureApplication: true, userCode });
        expect(outs.name).to.equal("contoso.onmicrosoft.com");
      });
    });
  }

  it("adds modern-with-legacy organizations on v7, and refuses them at check on v8", async () => {
    const v7 = await configuredProvider(emulatorConfig(world.emulator, "v7"));
    const { outs } = await checkAndCreate(v7, legacyProtocolInputs("contoso.onmicrosoft.com"));
    expect(outs.name).to.equal("contoso.onmicrosoft.com");
    world.emulator.resetCounters();
    const v8 = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const result = await v8.check({}, legacyProtocolInputs("northwind.onmicrosoft.com"));
    expect(result.failures?.[0].reason).to.contain("v8 does not support");
    expect(world.emulator.counters().total, "requests made by check").to.equal(0);
  });

  it("adds basic-authentication organizations in China on v8", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { outs } = await checkAndCreate(provider, basicInputs("contoso.partner.onmschina.cn"));
    expect(outs.region).to.equal("China");
  });

  it("rotates the certificate in place once the application trusts the new one and registeredThumbprints says so", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { id, outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    registerCertificate(world.emulator, world.rotated, "contoso.onmicrosoft.com");
    const news = await checked(provider, existingApplicationInputs(world.rotated, "contoso.onmicrosoft.com", { registeredThumbprints: [world.rotated.thumbprint] }));
    expect((await provider.diff(id, outs, news)).changes).to.equal(true);
    await provider.update(id, outs, news);
    const read = await provider.read(id, outs);
    expect(read.props?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.rotated.thumbprint);
  });

  it("shows drift on read and drops an organization deleted out of band", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { id, outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    const client = await clientFor("v8");
    await client.updateOrganization(id, { isTeamsOnline: true });
    const fresh = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const drifted = await fresh.read(id, outs);
    expect(drifted.props?.isTeamsOnline).to.equal(true);
    const diff = await fresh.diff(id, drifted.props!, await checked(fresh, existingApplicationInputs(world.pfx, "contoso.onmicrosoft.com")));
    expect(diff.changes).to.equal(true);

    await client.deleteOrganization(id);
    await client.close();
    const gone = await (await configuredProvider(emulatorConfig(world.emulator, "v8"))).read(id, outs);
    expect(gone.id ?? "").to.equal("");
  });

  it("adopts an existing organization instead of failing when adoptExisting is set", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const first = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    const again = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com", { adoptExisting: true, description: "adopted" });
    expect(again.id).to.equal(first.id);
    expect(world.emulator.state().organizations).to.have.length(1);
  });

  it("fails with Veeam's message when another stack's organization is already there", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    const error = await rejection(addExistingApplicationTenant(provider, world.emulator, world.rotated, "contoso.onmicrosoft.com"));
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/^VB365 POST \/v8\/Organizations failed with 409: /);
    expect((error as Error).message).not.to.contain(world.rotated.password);
  });

  it("takes back the organization an interrupted run created with the same certificate", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const first = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    // The state never recorded `first` (the run was killed); the next run creates it again.
    const again = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    expect(again.id).to.equal(first.id);
    expect(world.emulator.state().organizations).to.have.length(1);
  });

  it("refuses a second use of the same device code with the server's message", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const userCode = await signedInCode("v8", "fabrikam.onmicrosoft.com");
    const first = await checkAndCreate(provider, newApplicationInputs(world.pfx, userCode));
    await provider.delete(first.id, first.outs);
    const error = await rejection(checkAndCreate(provider, newApplicationInputs(world.pfx, userCode)));
    expect((error as Error).message).to.contain("failed with 400").and.not.contain(userCode);
  });

  it("treats a missing organization as deleted", async () => {
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { id, outs } = await addExistingApplicationTenant(provider, world.emulator, world.pfx, "contoso.onmicrosoft.com");
    await provider.delete(id, outs);
    await provider.delete(id, outs);
  });

  async function clientFor(version: string) {
    return new Vb365Client(resolveConnection({ config: (key) => emulatorConfig(world.emulator, version)[key], env: {} }));
  }
});
