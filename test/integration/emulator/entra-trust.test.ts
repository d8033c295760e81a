import { expect } from "chai";
import { before, describe, it } from "mocha";
import * as forge from "node-forge";
import type { ApiVersion } from "../../../emulator";
import { send, useEmulator, type EmulatorClient, type JsonBody } from "../../helpers/emulator";
import {
  APPLICATION_ID,
  configuredApplicationBody,
  existingApplicationBody,
  newApplicationBody,
  pfxFixture,
  signedInUserCode,
  type PfxFixture,
} from "../../helpers/emulator-fixtures";

// Entra accepts VB365's sign-in only with a certificate its application has: with entraTrust on (the default),
// an existing application's unregistered certificate is refused as Microsoft refuses it; VB365's
// own registration (newApplicationName, configureApplication) and the control API make it trusted.

const CREATED: Record<ApiVersion, number> = { v6: 200, v7: 200, v8: 201 };
const BOTH = ["exchangeOnlineSettings", "sharePointOnlineSettings"];

function refusal(thumbprint: string, applicationId = APPLICATION_ID): string {
  return `Failed to connect to Microsoft 365 organization: AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${applicationId}'.]`;
}

/** RESTExceptionInfo as each version shapes it. */
function errorBody(version: ApiVersion, message: string): Record<string, unknown> {
  if (version === "v6") return { message };
  if (version === "v7") return { message, errorCode: null };
  return { message, errorCode: "ParameterValidationFailure", stackTrace: null };
}

/** The certificate of a PFX fixture as PEM, read with forge alone. */
function certificatePem(pfx: PfxFixture): string {
  const asn1 = forge.asn1.fromDer(Buffer.from(pfx.base64, "base64").toString("binary"));
  const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, pfx.password);
  const certificate = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]![0]!.cert!;
  return forge.pki.certificateToPem(certificate);
}

function withCertificate(pfx: PfxFixture) {
  const certificate = { applicationCertificate: pfx.base64, applicationCertificatePassword: pfx.password };
  return { exchangeOnlineSettings: certificate, sharePointOnlineSettings: certificate };
}

describe("emulator Entra certificate trust", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  let rotated: PfxFixture;
  before(() => {
    pfx = pfxFixture();
    rotated = pfxFixture({ password: "Rotated-Passw0rd!" });
  });
  const control = (method: string, path: string, json?: unknown) => send(fixture.current, method, `/__emulator${path}`, json === undefined ? {} : { json });
  const thumbprints = async (client: EmulatorClient, id: string) => {
    const organization: JsonBody = (await client.get(`/Organizations/${id}`)).body;
    return [organization.exchangeOnlineSettings.applicationCertificateThumbprint, organization.sharePointOnlineSettings.applicationCertificateThumbprint];
  };

  it("is on by default", () => {
    expect(fixture.current.settings().entraTrust).to.equal(true);
  });

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("refuses an existing application whose certificate it does not trust, with AADSTS700027, and stores nothing", async () => {
        const client = await fixture.client(version);
        const refused = await client.post("/Organizations", existingApplicationBody(pfx));
        expect(refused.status, refused.text).to.equal(400);
        expect(refused.body).to.deep.equal(errorBody(version, refusal(pfx.thumbprint)));
        expect(fixture.current.state().organizations).to.deep.equal([]);
        expect(fixture.current.trustReport()).to.deep.equal([]);
      });

      it("adds it once the certificate is registered on the application over the control API", async () => {
        const client = await fixture.client(version);
        const registered = await control("POST", `/applications/${APPLICATION_ID}/certificates`, { thumbprint: pfx.thumbprint });
        expect(registered.status, registered.text).to.equal(201);
        expect(registered.body).to.deep.equal({
          applicationId: APPLICATION_ID,
          organizationName: null,
          certificates: [{ thumbprint: pfx.thumbprint, addedBy: "control", addedAt: registered.body.certificates[0].addedAt }],
        });
        const created = await client.post("/Organizations", existingApplicationBody(pfx));
        expect(created.status, created.text).to.equal(CREATED[version]);
        expect((await control("GET", "/trust")).body).to.deep.equal([
          { id: created.body.id, name: "contoso.onmicrosoft.com", applicationId: APPLICATION_ID, thumbprint: pfx.thumbprint, trusted: true, settings: BOTH },
        ]);
      });

      it("refuses a PUT rotating to an unregistered certificate, and the organization keeps its old one", async () => {
        fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint, organizationName: "contoso.onmicrosoft.com" });
        const client = await fixture.client(version);
        const { id } = (await client.post("/Organizations", existingApplicationBody(pfx))).body;
        const refused = await client.put(`/Organizations/${id}`, withCertificate(rotated));
        expect(refused.status, refused.text).to.equal(400);
        expect(refused.body).to.deep.equal(errorBody(version, refusal(rotated.thumbprint)));
        expect(await thumbprints(client, id)).to.deep.equal([pfx.thumbprint, pfx.thumbprint]);

        const registered = await control("POST", `/applications/${APPLICATION_ID}/certificates`, { certificatePem: certificatePem(rotated), organizationName: "contoso.onmicrosoft.com" });
        expect(registered.body.certificates.map((certificate: JsonBody) => certificate.thumbprint)).to.deep.equal([pfx.thumbprint, rotated.thumbprint]);
        expect((await client.put(`/Organizations/${id}`, withCertificate(rotated))).status).to.equal(204);
        expect(await thumbprints(client, id)).to.deep.equal([rotated.thumbprint, rotated.thumbprint]);
        expect(fixture.current.trustReport().map((entry) => [entry.thumbprint, entry.trusted])).to.deep.equal([[rotated.thumbprint, true]]);
      });

      it("registers the certificate when VB365 configures the existing application (configureApplication with a signed-in userCode)", async () => {
        const client = await fixture.client(version);
        const created = await client.post("/Organizations", configuredApplicationBody(await signedInUserCode(client), pfx));
        expect(created.status, created.text).to.equal(CREATED[version]);
        const [application] = fixture.current.applications();
        expect(application).to.deep.equal({
          applicationId: APPLICATION_ID,
          organizationName: "contoso.onmicrosoft.com",
          certificates: [{ thumbprint: pfx.thumbprint, addedBy: "configureApplication", addedAt: application!.certificates[0]!.addedAt }],
        });
        const rotation = { configureApplication: true, userCode: await signedInUserCode(client), ...withCertificate(rotated) };
        expect((await client.put(`/Organizations/${created.body.id}`, rotation)).status).to.equal(204);
        expect(fixture.current.trustReport()).to.deep.equal([
          { id: created.body.id, name: "contoso.onmicrosoft.com", applicationId: APPLICATION_ID, thumbprint: rotated.thumbprint, trusted: true, settings: BOTH },
        ]);
      });

      it("registers the certificate on the application VB365 creates (newApplicationName)", async () => {
        const client = await fixture.client(version);
        const created = await client.post("/Organizations", newApplicationBody(await signedInUserCode(client, "fabrikam.onmicrosoft.com"), pfx));
        expect(created.status, created.text).to.equal(CREATED[version]);
        const applicationId = created.body.exchangeOnlineSettings.applicationId as string;
        expect(fixture.current.applications().map((application) => [application.applicationId, application.organizationName, application.certificates.map((certificate) => certificate.addedBy)])).to.deep.equal([
          [applicationId, "fabrikam.onmicrosoft.com", ["newApplicationName"]],
        ]);
        expect(fixture.current.trustReport()).to.deep.equal([
          { id: created.body.id, name: "fabrikam.onmicrosoft.com", applicationId, thumbprint: pfx.thumbprint, trusted: true, settings: BOTH },
        ]);
      });

      it("reports the organization as not trusted once its certificate is removed from the application", async () => {
        const client = await fixture.client(version);
        fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint });
        const { id } = (await client.post("/Organizations", existingApplicationBody(pfx))).body;
        expect(fixture.current.trustReport().map((entry) => entry.trusted)).to.deep.equal([true]);
        expect((await control("DELETE", `/applications/${APPLICATION_ID}/certificates/${pfx.thumbprint}`)).status).to.equal(204);
        expect((await control("GET", "/trust")).body).to.deep.equal([
          { id, name: "contoso.onmicrosoft.com", applicationId: APPLICATION_ID, thumbprint: pfx.thumbprint, trusted: false, settings: BOTH },
        ]);
        expect(fixture.current.applications()).to.deep.equal([{ applicationId: APPLICATION_ID, organizationName: null, certificates: [] }]);
        expect((await control("DELETE", `/applications/${APPLICATION_ID}/certificates/${pfx.thumbprint}`)).status).to.equal(404);
      });

      it("refuses nothing with the switch off, and still reports which organizations Entra would refuse", async () => {
        fixture.current.configure({ entraTrust: false });
        const client = await fixture.client(version);
        const created = await client.post("/Organizations", existingApplicationBody(pfx));
        expect(created.status, created.text).to.equal(CREATED[version]);
        expect((await client.put(`/Organizations/${created.body.id}`, withCertificate(rotated))).status).to.equal(204);
        expect(fixture.current.trustReport().map((entry) => [entry.thumbprint, entry.trusted])).to.deep.equal([[rotated.thumbprint, false]]);
        fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: rotated.thumbprint });
        expect(fixture.current.trustReport().map((entry) => [entry.thumbprint, entry.trusted])).to.deep.equal([[rotated.thumbprint, true]]);
      });
    });
  }
});
