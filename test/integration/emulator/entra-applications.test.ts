import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { startEmulator } from "../../../emulator";
import { EmulatorClient, send, useEmulator } from "../../helpers/emulator";
import { contractViolations } from "../../helpers/emulator-contract";
import { APPLICATION_ID, existingApplicationBody, legacyBody, pfxFixture, type PfxFixture } from "../../helpers/emulator-fixtures";

// The control surface of the Entra trust model: applications, their certificates, the scoping by
// organization, the switch, and the trust report's reach.

const OTHER_APPLICATION_ID = "0b6f2c1d-9e8a-4f7b-8c6d-5e4f3a2b1c0d";

describe("emulator Entra applications (control API)", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  let rotated: PfxFixture;
  before(() => {
    pfx = pfxFixture();
    rotated = pfxFixture({ password: "Rotated-Passw0rd!" });
  });
  const control = (method: string, path: string, json?: unknown) => send(fixture.current, method, `/__emulator${path}`, json === undefined ? {} : { json });

  it("lists applications per organization they are registered in, over HTTP too", async () => {
    fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint, organizationName: "fabrikam.onmicrosoft.com" });
    fixture.current.addApplicationCertificate(APPLICATION_ID.toUpperCase(), { thumbprint: pfx.thumbprint });
    fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint });
    const listed = (await control("GET", "/applications")).body;
    expect(listed.map((application: { organizationName: string | null; certificates: unknown[] }) => [application.organizationName, application.certificates.length])).to.deep.equal([
      ["fabrikam.onmicrosoft.com", 1],
      [null, 1],
    ]);
    expect(listed).to.deep.equal(fixture.current.applications());
    expect(fixture.current.state().applications).to.deep.equal(listed);
  });

  it("scopes a certificate to the organization it is registered in", async () => {
    fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint, organizationName: "FABRIKAM.onmicrosoft.com" });
    const client = await fixture.client("v8");
    expect((await client.post("/Organizations", existingApplicationBody(pfx, "contoso.onmicrosoft.com"))).status).to.equal(400);
    expect((await client.post("/Organizations", existingApplicationBody(pfx, "fabrikam.onmicrosoft.com"))).status).to.equal(201);
    expect(fixture.current.trustReport().map((entry) => [entry.name, entry.trusted])).to.deep.equal([["fabrikam.onmicrosoft.com", true]]);
  });

  it("removes a certificate from one organization's registration, or from all of them", async () => {
    for (const organizationName of ["contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com"]) {
      fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint, organizationName });
    }
    fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint });
    const counts = () => fixture.current.applications().map((application) => application.certificates.length);
    expect((await control("DELETE", `/applications/${APPLICATION_ID}/certificates/${pfx.thumbprint}?organizationName=Contoso.onmicrosoft.com`)).status).to.equal(204);
    expect(counts()).to.deep.equal([0, 1, 1]);
    const missing = await control("DELETE", `/applications/${APPLICATION_ID}/certificates/${pfx.thumbprint}?organizationName=contoso.onmicrosoft.com`);
    expect(missing.body).to.deep.equal({ message: `Application '${APPLICATION_ID}' has no certificate with the thumbprint ${pfx.thumbprint} in the organization 'contoso.onmicrosoft.com'.` });
    fixture.current.removeApplicationCertificate(APPLICATION_ID, pfx.thumbprint.toLowerCase());
    expect(counts()).to.deep.equal([0, 0, 0]);
    expect(() => fixture.current.removeApplicationCertificate(OTHER_APPLICATION_ID, pfx.thumbprint)).to.throw(`Application '${OTHER_APPLICATION_ID}' has no certificate with the thumbprint ${pfx.thumbprint}.`);
  });

  it("takes a thumbprint as people copy it, and keeps one entry per certificate", async () => {
    const colons = pfx.thumbprint.toLowerCase().match(/../g)!.join(":");
    const first = await control("POST", `/applications/${APPLICATION_ID}/certificates`, { thumbprint: colons });
    expect(first.body.certificates.map((certificate: { thumbprint: string }) => certificate.thumbprint)).to.deep.equal([pfx.thumbprint]);
    const again = await control("POST", `/applications/${APPLICATION_ID}/certificates`, { thumbprint: pfx.thumbprint });
    expect(again.status).to.equal(201);
    expect(again.body).to.deep.equal(first.body);
  });

  it("refuses what is not an application id or a certificate", async () => {
    const post = async (applicationId: string, body: unknown) => (await control("POST", `/applications/${applicationId}/certificates`, body)).body.message as string;
    expect(await post("my-app", { thumbprint: pfx.thumbprint })).to.equal("Invalid application id: 'my-app' is not a GUID.");
    expect(await post(APPLICATION_ID, { thumbprint: "ABC" })).to.equal("Invalid certificate at thumbprint: expected 40 hexadecimal digits (the certificate's SHA-1), not 'ABC'.");
    expect(await post(APPLICATION_ID, { certificatePem: "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----" })).to.equal("Invalid certificate at certificatePem: expected a PEM certificate (-----BEGIN CERTIFICATE----- …).");
    expect(await post(APPLICATION_ID, {})).to.equal("Invalid certificate: Give either thumbprint or certificatePem.");
    expect(await post(APPLICATION_ID, { thumbprint: pfx.thumbprint, certificatePem: "x" })).to.equal("Invalid certificate: Give either thumbprint or certificatePem.");
    expect(await post(APPLICATION_ID, { thumbprint: pfx.thumbprint, organisation: "x" })).to.match(/^Invalid certificate: Unrecognized key/);
    expect((await control("DELETE", `/applications/${APPLICATION_ID}/certificates/nope`)).status).to.equal(400);
    expect((await control("PUT", `/applications/${APPLICATION_ID}/certificates`, {})).status).to.equal(405);
    expect(fixture.current.applications()).to.deep.equal([]);
  });

  it("checks each service's application: a SharePoint application that does not trust the certificate is refused", async () => {
    fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint });
    const client = await fixture.client("v8");
    const body = existingApplicationBody(pfx);
    const sharePoint = { ...(body.sharePointOnlineSettings as object), applicationId: OTHER_APPLICATION_ID };
    const refused = await client.post("/Organizations", { ...body, sharePointOnlineSettings: sharePoint });
    expect(refused.body.message).to.contain(`Thumbprint of key used by client: '${pfx.thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${OTHER_APPLICATION_ID}'.]`);
    fixture.current.addApplicationCertificate(OTHER_APPLICATION_ID, { thumbprint: pfx.thumbprint });
    const created = await client.post("/Organizations", { ...body, sharePointOnlineSettings: sharePoint });
    expect(created.status, created.text).to.equal(201);
    expect(fixture.current.trustReport().map((entry) => [entry.applicationId, entry.settings])).to.deep.equal([
      [APPLICATION_ID, ["exchangeOnlineSettings"]],
      [OTHER_APPLICATION_ID, ["sharePointOnlineSettings"]],
    ]);
  });

  it("does not re-verify a PUT that keeps the organization's credentials, but does one that sends its certificate", async () => {
    const client = await fixture.client("v7");
    // Added while the switch was off: Entra would refuse its sign-in.
    fixture.current.configure({ entraTrust: false });
    const { id } = (await client.post("/Organizations", existingApplicationBody(pfx))).body;
    fixture.current.configure({ entraTrust: true });
    expect((await client.put(`/Organizations/${id}`, { isTeamsOnline: false, description: "kept credentials" })).status).to.equal(204);
    const resent = existingApplicationBody(pfx);
    expect((await client.put(`/Organizations/${id}`, resent)).status).to.equal(400);
    const otherApplication = { exchangeOnlineSettings: { applicationId: OTHER_APPLICATION_ID }, sharePointOnlineSettings: { applicationId: OTHER_APPLICATION_ID } };
    expect((await client.put(`/Organizations/${id}`, otherApplication)).status, "a new application is a new sign-in").to.equal(400);
    expect(fixture.current.trustReport().map((entry) => [entry.applicationId, entry.trusted])).to.deep.equal([[APPLICATION_ID, false]]);
  });

  it("leaves organizations without app-only credentials out: neither refused nor reported", async () => {
    const client = await fixture.client("v7");
    expect((await client.post("/Organizations", legacyBody())).status).to.equal(200);
    expect(fixture.current.trustReport()).to.deep.equal([]);
  });

  it("forgets applications on reset", async () => {
    fixture.current.addApplicationCertificate(APPLICATION_ID, { thumbprint: rotated.thumbprint });
    expect((await control("POST", "/reset")).status).to.equal(204);
    expect(fixture.current.applications()).to.deep.equal([]);
  });

  it("is switched off and on over PATCH /__emulator/settings, refusing what is not a boolean", async () => {
    const client = await fixture.client("v6");
    expect((await client.post("/Organizations", existingApplicationBody(pfx))).status).to.equal(400);
    expect((await control("PATCH", "/settings", { entraTrust: "yes" })).status).to.equal(400);
    expect((await control("PATCH", "/settings", { entraTrust: false })).body.entraTrust).to.equal(false);
    expect((await client.post("/Organizations", existingApplicationBody(pfx))).status).to.equal(200);
    expect((await control("PATCH", "/settings", { entraTrust: true })).body.entraTrust).to.equal(true);
    expect((await client.post("/Organizations", existingApplicationBody(pfx, "fabrikam.onmicrosoft.com"))).status).to.equal(400);
  });

  describe("started with entraTrust: false", () => {
    let violations: string[] = [];
    after(() => expect(violations).to.deep.equal([]));

    it("accepts an untrusted certificate from the start and again after a reset, and still reports it", async () => {
      const emulator = await startEmulator({ http: true, recordBodies: true, entraTrust: false });
      try {
        const client = new EmulatorClient(emulator, "v8");
        await client.login();
        expect((await client.post("/Organizations", existingApplicationBody(pfx))).status).to.equal(201);
        expect(emulator.trustReport().map((entry) => entry.trusted)).to.deep.equal([false]);
        emulator.reset();
        expect(emulator.settings().entraTrust).to.equal(false);
        await client.login();
        expect((await client.post("/Organizations", existingApplicationBody(pfx))).status).to.equal(201);
      } finally {
        violations = contractViolations(emulator.requests());
        await emulator.close();
      }
    });
  });
});
