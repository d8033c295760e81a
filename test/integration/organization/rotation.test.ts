import { X509Certificate } from "node:crypto";
import { expect } from "chai";
import { describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID } from "../../../emulator";
import type { OrganizationInputs, OrganizationOutputs } from "../../../provider/organization/types";
import type { OrganizationProvider } from "../../../provider/organization/provider";
import { pkcs12 } from "../../helpers/certificate";
import { EmulatorClient } from "../../helpers/emulator";
import type { Vb365Client } from "../../../provider/client";
import { emulatorClient, signedInDeviceCode } from "../../helpers/emulator-stack";
import { checkAndCreate, checked, configuredProvider, emulatorConfig, registerCertificate, useProviderWorld } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";
import { APPLICATION_ID, existingApplicationInputs, newApplicationInputs, sharedCertificateInputs, type TestPfx } from "../../helpers/tenant-fixtures";

const TENANT = "contoso.onmicrosoft.com";
const NEW_TENANT = "fabrikam.onmicrosoft.com";

/** The end of a PFX's validity as OpenSSL reads it, ISO 8601. */
function notAfterOf(pfx: TestPfx): string {
  const pem = pkcs12(pfx.pfxBase64, pfx.password, ["-nokeys", "-clcerts"]);
  return new Date(new X509Certificate(pem.slice(pem.indexOf("-----BEGIN CERTIFICATE-----"))).validTo).toISOString();
}

/** The tenant's inputs with the shared certificate and, where given, the next one beside it. */
function shared(inputs: OrganizationInputs, current: TestPfx, next?: TestPfx, extra: Partial<OrganizationInputs> = {}): OrganizationInputs {
  return sharedCertificateInputs({ ...inputs, organizationName: inputs.organizationName ?? TENANT }, current, next, extra);
}

describe("Vb365Organization certificate rotation against an emulator that trusts like Entra", () => {
  const world = useProviderWorld();
  const writes = () => world.emulator.requests().filter((request) => request.method !== "GET" && request.kind !== "token");
  const untrusted = () => world.emulator.trustReport().filter((entry) => !entry.trusted);

  async function update(provider: OrganizationProvider, id: string, olds: OrganizationOutputs, inputs: OrganizationInputs): Promise<OrganizationOutputs> {
    const news = await checked(provider, inputs);
    expect((await provider.diff(id, olds, news)).changes, "diff sees a change").to.equal(true);
    const outs = (await provider.update(id, olds, news)).outs!;
    expect((await provider.diff(id, outs, news)).changes, "the next preview is empty").to.equal(false);
    expect(untrusted(), "organizations whose certificate Entra would refuse").to.deep.equal([]);
    return outs;
  }

  /** A tenant whose application VB365 registered, added with a first signed-in code: where its rotation tests start. */
  async function newApplicationTenant(version: "v7" | "v8", work: (tenant: { provider: OrganizationProvider; client: Vb365Client; declared: OrganizationInputs; id: string; outs: OrganizationOutputs }) => Promise<void>): Promise<void> {
    const provider = await configuredProvider(emulatorConfig(world.emulator, version));
    const client = emulatorClient(world.emulator, version);
    try {
      const declared = newApplicationInputs(world.pfx, await signedInDeviceCode(world.emulator, client, NEW_TENANT), { organizationName: NEW_TENANT });
      const { id, outs } = await checkAndCreate(provider, shared(declared, world.pfx));
      await work({ provider, client, declared, id, outs });
    } finally {
      await client.close();
    }
  }

  async function jobOf(version: "v7" | "v8", organizationId: string): Promise<string> {
    const client = new EmulatorClient(world.emulator, version);
    await client.login();
    const body = { name: "Nightly", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID };
    const response = version === "v8" ? await client.post("/Jobs", { ...body, organizationId }) : await client.post(`/Organizations/${organizationId}/Jobs`, body);
    expect(response.status, response.text).to.be.oneOf([200, 201]);
    return response.body.id as string;
  }

  for (const version of ["v7", "v8"] as const) {
    describe(`an existing application the customer registers certificates on, ${version}`, () => {
      it("is not added with a certificate registeredThumbprints does not list: check stops before any request, naming tenant, thumbprint and application", async () => {
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const result = await provider.check({} as OrganizationInputs, shared(existingApplicationInputs(world.pfx, TENANT), world.pfx, undefined, { registeredThumbprints: [] }));
        expect(result.failures).to.deep.equal([
          {
            property: "registeredThumbprints",
            reason: `registeredThumbprints does not list ${world.pfx.thumbprint}, the certificate ${TENANT} would be added with: VB365 would be refused (AADSTS700027) and nothing would be created. Register it on application ${APPLICATION_ID} in ${TENANT} (the customer's Entra app registration), then add it to registeredThumbprints.`,
          },
        ]);
        expect(world.emulator.counters().total).to.equal(0);
      });

      it("is refused by the server with an unregistered certificate when nothing is confirmed, and nothing is created", async () => {
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const error = await rejection(checkAndCreate(provider, shared(existingApplicationInputs(world.pfx, TENANT), world.pfx)));
        expect(error.message).to.contain(`AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${world.pfx.thumbprint}'`);
        expect(world.emulator.state().organizations).to.deep.equal([]);
      });

      it("stays on the working certificate while the next one is not confirmed, then switches in place, keeping its id and its jobs", async () => {
        registerCertificate(world.emulator, world.pfx, TENANT);
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const declared = existingApplicationInputs(world.pfx, TENANT);
        const { id, outs } = await checkAndCreate(provider, shared(declared, world.pfx, undefined, { registeredThumbprints: [world.pfx.thumbprint] }));
        const job = await jobOf(version, id);

        world.emulator.resetCounters();
        const waiting = await update(provider, id, outs, shared(declared, world.pfx, world.rotated, { registeredThumbprints: [world.pfx.thumbprint] }));
        expect(world.emulator.counters().total, "an update that only records the wait sends nothing").to.equal(0);
        expect(waiting).to.deep.include({ pendingCertificateThumbprint: world.rotated.thumbprint, nextApplicationCertificateThumbprint: world.rotated.thumbprint });
        expect(waiting.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
        expect(waiting.certificateRotation).to.equal(
          `waiting: the customer to register certificate ${world.rotated.thumbprint} on application ${APPLICATION_ID} in ${TENANT} (their Entra app registration), then to add it to registeredThumbprints; ${world.pfx.thumbprint} stays in use until then, valid until ${notAfterOf(world.pfx)}.`,
        );

        // Another change meanwhile is sent with the working certificate, never the next one.
        world.emulator.resetCounters();
        const described = await update(provider, id, waiting, shared(declared, world.pfx, world.rotated, { registeredThumbprints: [world.pfx.thumbprint], description: "Gold tier" }));
        expect(JSON.stringify(writes().map((request) => request.requestBody))).to.not.contain(world.rotated.pfxBase64.slice(0, 64));
        expect(described.certificateRotation).to.equal(waiting.certificateRotation);

        registerCertificate(world.emulator, world.rotated, TENANT);
        const switched = await update(provider, id, described, shared(declared, world.pfx, world.rotated, { registeredThumbprints: [world.pfx.thumbprint, world.rotated.thumbprint], description: "Gold tier" }));
        expect(switched.pendingCertificateThumbprint).to.equal(undefined);
        expect(switched.certificateRotation).to.match(new RegExp(`^switched: from ${world.pfx.thumbprint} to ${world.rotated.thumbprint} on \\d{4}-\\d{2}-\\d{2}; ${world.pfx.thumbprint} can now be removed from application ${APPLICATION_ID}\\.$`));
        const [stored] = world.emulator.state().organizations;
        expect(stored).to.deep.include({ id, description: "Gold tier" });
        expect([stored!.exchangeOnlineSettings?.applicationCertificateThumbprint, stored!.sharePointOnlineSettings?.applicationCertificateThumbprint]).to.deep.equal([world.rotated.thumbprint, world.rotated.thumbprint]);
        expect(world.emulator.state().jobs.map((stored) => stored.id)).to.deep.equal([job]);

        // The old certificate retires: the next one is the current one now, and it stays.
        world.emulator.removeApplicationCertificate(APPLICATION_ID, world.pfx.thumbprint, TENANT);
        const promoted = await checked(provider, shared(declared, world.rotated, undefined, { registeredThumbprints: [world.pfx.thumbprint, world.rotated.thumbprint], description: "Gold tier" }));
        expect((await provider.diff(id, switched, promoted)).changes).to.equal(false);
        expect(untrusted()).to.deep.equal([]);
        // The customer's confirmation of the removed one goes too: recorded without a request.
        world.emulator.resetCounters();
        const retired = await update(provider, id, switched, shared(declared, world.rotated, undefined, { registeredThumbprints: [world.rotated.thumbprint], description: "Gold tier" }));
        expect(world.emulator.counters().total).to.equal(0);
        expect(retired.registeredThumbprints).to.deep.equal([world.rotated.thumbprint]);
        expect(retired.certificateRotation, "the switch's note stays until the next rotation").to.equal(switched.certificateRotation);
      });

      it("fails naming tenant, thumbprint and application when registeredThumbprints lists a certificate Entra does not trust, and changes nothing", async () => {
        registerCertificate(world.emulator, world.pfx, TENANT);
        const provider = await configuredProvider(emulatorConfig(world.emulator, version));
        const declared = existingApplicationInputs(world.pfx, TENANT);
        const { id, outs } = await checkAndCreate(provider, shared(declared, world.pfx));
        const news = await checked(provider, shared(declared, world.pfx, world.rotated, { registeredThumbprints: [world.rotated.thumbprint] }));
        const error = await rejection(provider.update(id, outs, news));
        expect(error.message).to.match(new RegExp(`^VB365 PUT /${version}/Organizations/${id} failed with 400: Failed to connect to Microsoft 365 organization: AADSTS700027: .*Thumbprint of key used by client: '${world.rotated.thumbprint}'`));
        expect(error.message).to.contain(
          `${TENANT} stays on certificate ${world.pfx.thumbprint}: nothing was changed. registeredThumbprints lists ${world.rotated.thumbprint}, but application ${APPLICATION_ID} does not trust it: register it there (the customer's Entra app registration of ${TENANT}), then run again.`,
        );
        expect(world.emulator.state().organizations[0]?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
        expect(untrusted()).to.deep.equal([]);
      });
    });

    describe(`an application VB365 registered (newApplicationName), ${version}`, () => {
      it("rotates only with a fresh device code, which the PUT carries with configureApplication and the application VB365 reports", async () => {
        await newApplicationTenant(version, async ({ provider, client, declared, id, outs }) => {
          const applicationId = world.emulator.state().organizations[0]!.exchangeOnlineSettings!.applicationId!;

          world.emulator.resetCounters();
          const waiting = await update(provider, id, outs, shared(declared, world.pfx, world.rotated));
          expect(world.emulator.counters().total).to.equal(0);
          expect(waiting.certificateRotation).to.equal(
            `waiting: a fresh device code, to let VB365 register certificate ${world.rotated.thumbprint} on the application VB365 registered: a Global Administrator of ${NEW_TENANT} signs in with a new code, given as userCode (\`vb365 device-code --up\`); or register it there and add it to registeredThumbprints; ${world.pfx.thumbprint} stays in use until then, valid until ${notAfterOf(world.pfx)}.`,
          );

          const fresh = await signedInDeviceCode(world.emulator, client, NEW_TENANT);
          world.emulator.resetCounters();
          const switched = await update(provider, id, waiting, shared({ ...declared, userCode: fresh }, world.pfx, world.rotated));
          const [put] = writes();
          expect(put!.requestBody).to.deep.include({ configureApplication: true, userCode: "[REDACTED]" });
          for (const service of ["exchangeOnlineSettings", "sharePointOnlineSettings"] as const) {
            expect((put!.requestBody as Record<string, Record<string, unknown>>)[service]).to.include({ applicationId, applicationCertificate: "[REDACTED]" });
          }
          expect(switched.certificateRotation).to.match(new RegExp(`^switched: from ${world.pfx.thumbprint} to ${world.rotated.thumbprint} on \\d{4}-\\d{2}-\\d{2}; ${world.pfx.thumbprint} can now be removed from application ${applicationId}\\.$`));
          const [stored] = world.emulator.state().organizations;
          expect(stored).to.deep.include({ id });
          expect(stored!.exchangeOnlineSettings).to.include({ applicationId, applicationCertificateThumbprint: world.rotated.thumbprint });
          expect(world.emulator.deviceCodes().find((code) => code.userCode === fresh)?.used).to.equal(true);
          expect(world.emulator.applications().flatMap((application) => application.certificates.map((certificate) => certificate.addedBy))).to.deep.equal(["newApplicationName", "configureApplication"]);
        });
      });

      it("fails with a code the server refuses, saying how to get a fresh one, and stays on the working certificate", async () => {
        await newApplicationTenant(version, async ({ provider, client, declared, id, outs }) => {
          // Not signed in: VB365 cannot register anything with it.
          const unsigned = (await client.createDeviceCode("Worldwide")).userCode;
          const news = await checked(provider, shared({ ...declared, userCode: unsigned }, world.pfx, world.rotated));
          const error = await rejection(provider.update(id, outs, news));
          expect(error.message).to.contain(
            `${NEW_TENANT} stays on certificate ${world.pfx.thumbprint}: nothing was changed. The device code in userCode did not let VB365 register it: run \`vb365 device-code --up\` for a fresh code, signed in by a Global Administrator of ${NEW_TENANT}, and VB365 registers ${world.rotated.thumbprint} on application ${world.emulator.state().organizations[0]!.exchangeOnlineSettings!.applicationId}.`,
          );
          expect(error.message).to.not.contain(unsigned);
          expect(world.emulator.state().organizations[0]?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
        });
      });
    });
  }

  it("never sends a replaced certificate the application does not trust: the working one stays, and other changes go without a certificate", async () => {
    registerCertificate(world.emulator, world.pfx, TENANT);
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { id, outs } = await checkAndCreate(provider, existingApplicationInputs(world.pfx, TENANT));
    world.emulator.resetCounters();
    const waiting = await update(provider, id, outs, existingApplicationInputs(world.rotated, TENANT, { description: "Silver tier" }));
    const [put] = writes();
    expect(put!.requestBody).to.deep.include({ description: "Silver tier" });
    expect(JSON.stringify(put!.requestBody)).to.not.match(/applicationCertificate"/);
    expect(waiting.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
    expect(waiting.pendingCertificateThumbprint).to.equal(world.rotated.thumbprint);
    expect(world.emulator.state().organizations[0]).to.deep.include({ description: "Silver tier" });
  });

  it("takes over an organization without switching it to a certificate its application does not trust", async () => {
    registerCertificate(world.emulator, world.pfx, TENANT);
    const setup = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const existing = await checkAndCreate(setup, existingApplicationInputs(world.pfx, TENANT));
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const { id, outs } = await checkAndCreate(provider, existingApplicationInputs(world.rotated, TENANT, { organizationName: TENANT, adoptExisting: true, description: "adopted" }));
    expect(id).to.equal(existing.id);
    expect(outs.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.pfx.thumbprint);
    expect(outs.pendingCertificateThumbprint).to.equal(world.rotated.thumbprint);
    expect(world.emulator.state().organizations[0]).to.deep.include({ description: "adopted" });
    expect(untrusted()).to.deep.equal([]);
  });

  it("does not go back to the older certificate once it uses the next one", async () => {
    for (const pfx of [world.pfx, world.rotated]) registerCertificate(world.emulator, pfx, TENANT);
    const provider = await configuredProvider(emulatorConfig(world.emulator, "v8"));
    const declared = existingApplicationInputs(world.pfx, TENANT);
    const both = [world.pfx.thumbprint, world.rotated.thumbprint];
    const { id, outs } = await checkAndCreate(provider, shared(declared, world.pfx, undefined, { registeredThumbprints: both }));
    const switched = await update(provider, id, outs, shared(declared, world.pfx, world.rotated, { registeredThumbprints: both }));
    expect(switched.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.rotated.thumbprint);
    const again = await checked(provider, shared(declared, world.pfx, world.rotated, { registeredThumbprints: both, description: "later" }));
    const { outs: later } = await provider.update(id, switched, again);
    expect(later?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.rotated.thumbprint);
    expect(world.emulator.state().organizations[0]?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(world.rotated.thumbprint);
  });
});
