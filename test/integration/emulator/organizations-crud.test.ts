import { expect } from "chai";
import { before, beforeEach, describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID } from "../../../emulator";
import { useEmulator, type EmulatorClient } from "../../helpers/emulator";
import { existingApplicationBody, legacyBody, newApplicationBody, pfxFixture, registerCertificate, signedInUserCode, type PfxFixture } from "../../helpers/emulator-fixtures";

describe("emulator organizations: list, get, update, delete", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  let rotated: PfxFixture;
  before(() => {
    pfx = pfxFixture();
    rotated = pfxFixture({ password: "rotated" });
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));

  const add = async (client: EmulatorClient, organization: string) => {
    const response = await client.post("/Organizations", existingApplicationBody(pfx, organization));
    expect(response.status, response.text).to.be.oneOf([200, 201]);
    return response.body.id as string;
  };

  describe("GET /vN/Organizations", () => {
    it("is a plain array up to v7", async () => {
      for (const version of ["v6", "v7"] as const) {
        fixture.current.reset();
        registerCertificate(fixture.current, pfx);
        const client = await fixture.client(version);
        await add(client, "contoso.onmicrosoft.com");
        const response = await client.get("/Organizations");
        expect(response.body).to.be.an("array").with.length(1);
        expect(response.body[0].name).to.equal("contoso.onmicrosoft.com");
      }
    });

    it("is a page with offset, limit, results and links in v8", async () => {
      const client = await fixture.client("v8");
      for (let index = 0; index < 5; index++) await add(client, `tenant${index}.onmicrosoft.com`);
      const first = await client.get("/Organizations?limit=2");
      expect(first.body).to.include({ offset: 0, limit: 2 });
      expect(first.body.results.map((o: { name: string }) => o.name)).to.deep.equal(["tenant0.onmicrosoft.com", "tenant1.onmicrosoft.com"]);
      expect(first.body._links).to.deep.equal({
        first: { href: "/v8/Organizations?offset=0&limit=2" },
        self: { href: "/v8/Organizations?offset=0&limit=2" },
        next: { href: "/v8/Organizations?offset=2&limit=2" },
      });
      const last = await client.get("/Organizations?offset=4&limit=2");
      expect(last.body.results).to.have.length(1);
      expect(last.body._links).to.have.keys("first", "prev", "self");
      expect((await client.get("/Organizations")).body.limit).to.equal(30);
    });

    it("refuses paging values out of range", async () => {
      const client = await fixture.client("v8");
      expect((await client.get("/Organizations?limit=0")).body.message).to.equal("The value '0' is not valid for limit: it must be between 1 and 10000.");
      expect((await client.get("/Organizations?limit=10001")).status).to.equal(400);
      expect((await client.get("/Organizations?offset=-1")).body.message).to.equal("The value '-1' is not valid for offset: it must be 0 or more.");
      expect((await client.get("/Organizations?offset=abc")).body.message).to.equal("The value 'abc' is not valid for offset: expected an integer.");
    });

    it("filters by msid in v8", async () => {
      const client = await fixture.client("v8");
      await add(client, "contoso.onmicrosoft.com");
      await add(client, "fabrikam.onmicrosoft.com");
      const [contoso] = (await client.get("/Organizations")).body.results;
      const filtered = await client.get(`/Organizations?msid=${contoso.msid}`);
      expect(filtered.body.results.map((o: { name: string }) => o.name)).to.deep.equal(["contoso.onmicrosoft.com"]);
      expect((await client.get("/Organizations?backedUpOrganizationId=x")).body.results).to.deep.equal([]);
    });

    it("leaves backup fields out unless extendedView, which defaults to true only in v6", async () => {
      for (const [version, extended] of [["v6", true], ["v7", false], ["v8", false]] as const) {
        fixture.current.reset();
        registerCertificate(fixture.current, pfx);
        const client = await fixture.client(version);
        const id = await add(client, "contoso.onmicrosoft.com");
        const byDefault = (await client.get(`/Organizations/${id}`)).body;
        expect("isBackedup" in byDefault, version).to.equal(extended);
        const asked = (await client.get(`/Organizations/${id}?extendedView=${!extended}`)).body;
        expect("isBackedup" in asked, version).to.equal(!extended);
      }
    });

    it("gives each version its own properties: description from v7, msid from v8", async () => {
      for (const version of ["v6", "v7", "v8"] as const) {
        fixture.current.reset();
        registerCertificate(fixture.current, pfx);
        const client = await fixture.client(version);
        const response = await client.post("/Organizations", { ...existingApplicationBody(pfx), description: "Contoso tenant" });
        expect(response.body.description, version).to.equal(version === "v6" ? undefined : "Contoso tenant");
        expect("msid" in response.body, version).to.equal(version === "v8");
        expect(response.body._links.self.href).to.equal(`/${version}/Organizations/${response.body.id}`);
      }
    });
  });

  describe("POST and GET /vN/Organizations/{id}", () => {
    it("answers 201 with a Location in v8", async () => {
      const client = await fixture.client("v8");
      const response = await client.post("/Organizations", existingApplicationBody(pfx));
      expect(response.status).to.equal(201);
      expect(response.headers.location).to.equal(`/v8/Organizations/${response.body.id}`);
    });

    it("reads back what was created", async () => {
      const client = await fixture.client("v8");
      const created = (await client.post("/Organizations", existingApplicationBody(pfx))).body;
      const read = await client.get(`/Organizations/${created.id.toUpperCase()}`);
      expect(read.status).to.equal(200);
      expect(read.body).to.deep.equal(created);
    });

    it("answers 404 for an unknown id and 400 for something that is not a GUID", async () => {
      const client = await fixture.client("v8");
      const missing = await client.get("/Organizations/11111111-1111-1111-1111-111111111111");
      expect(missing.status).to.equal(404);
      expect(missing.body).to.deep.equal({ message: "Organization with ID '11111111-1111-1111-1111-111111111111' was not found.", errorCode: "ResourceNotFound", stackTrace: null });
      const invalid = await client.get("/Organizations/contoso");
      expect(invalid.status).to.equal(400);
      expect(invalid.body.message).to.equal("The value 'contoso' is not valid for organizationId.");
    });
  });

  describe("PUT /vN/Organizations/{id}", () => {
    it("replaces the properties it is given, keeps the others, and answers 204", async () => {
      const client = await fixture.client("v7");
      const id = await add(client, "contoso.onmicrosoft.com");
      const response = await client.put(`/Organizations/${id}`, { isTeamsOnline: false, description: "after" });
      expect(response.status).to.equal(204);
      expect(response.text).to.equal("");
      const read = (await client.get(`/Organizations/${id}`)).body;
      expect(read).to.include({ isTeamsOnline: false, description: "after", isExchangeOnline: true, name: "contoso.onmicrosoft.com" });
      expect(read.exchangeOnlineSettings.applicationCertificateThumbprint).to.equal(pfx.thumbprint);
    });

    it("keeps stored secrets when a PUT leaves them out", async () => {
      const client = await fixture.client("v7");
      const id = (await client.post("/Organizations", legacyBody())).body.id;
      const settings = { useApplicationOnlyAuth: false, useMfa: true, account: "admin@fabrikam.onmicrosoft.com", applicationId: "feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f" };
      const response = await client.put(`/Organizations/${id}`, { exchangeOnlineSettings: settings, sharePointOnlineSettings: settings });
      expect(response.status, response.text).to.equal(204);
    });

    it("clears a property sent as null", async () => {
      const client = await fixture.client("v7");
      const id = (await client.post("/Organizations", { ...existingApplicationBody(pfx), description: "before" })).body.id;
      await client.put(`/Organizations/${id}`, { description: null });
      expect((await client.get(`/Organizations/${id}`)).body.description).to.equal(undefined);
    });

    it("validates a new certificate as POST does, and stores its thumbprint", async () => {
      const client = await fixture.client("v8");
      const id = await add(client, "contoso.onmicrosoft.com");
      registerCertificate(fixture.current, rotated, "contoso.onmicrosoft.com");
      const wrong = await client.put(`/Organizations/${id}`, { exchangeOnlineSettings: { applicationCertificate: rotated.base64, applicationCertificatePassword: "nope" } });
      expect(wrong.status).to.equal(400);
      expect(wrong.body.message).to.equal("The certificate in 'exchangeOnlineSettings.applicationCertificate' cannot be used: The specified network password is not correct.");
      const right = await client.put(`/Organizations/${id}`, {
        exchangeOnlineSettings: { applicationCertificate: rotated.base64, applicationCertificatePassword: rotated.password, applicationCertificateThumbprint: "IGNORED" },
      });
      expect(right.status).to.equal(204);
      const read = (await client.get(`/Organizations/${id}`)).body;
      expect(read.exchangeOnlineSettings.applicationCertificateThumbprint).to.equal(rotated.thumbprint);
      expect(read.sharePointOnlineSettings.applicationCertificateThumbprint).to.equal(pfx.thumbprint);
    });

    it("re-checks the merged organization with the rules of its kind", async () => {
      const client = await fixture.client("v8");
      const id = await add(client, "contoso.onmicrosoft.com");
      const response = await client.put(`/Organizations/${id}`, { exchangeOnlineSettings: { applicationId: null } });
      expect(response.status).to.equal(400);
      expect(response.body.message).to.match(/^'exchangeOnlineSettings.applicationId' is required/);
    });

    it("round-trips: a GET body sent back as PUT changes nothing", async () => {
      const client = await fixture.client("v8");
      const id = await add(client, "contoso.onmicrosoft.com");
      const before = (await client.get(`/Organizations/${id}`)).body;
      expect((await client.put(`/Organizations/${id}`, before)).status).to.equal(204);
      expect((await client.get(`/Organizations/${id}`)).body).to.deep.equal(before);
    });

    it("updates an organization added with a new application without asking for a device code again, its certificate kept", async () => {
      const client = await fixture.client("v8");
      const userCode = await signedInUserCode(client, "fabrikam.onmicrosoft.com");
      const created = (await client.post("/Organizations", newApplicationBody(userCode, pfx))).body;
      const response = await client.put(`/Organizations/${created.id}`, { isTeamsOnline: false, exchangeOnlineSettings: { useApplicationOnlyAuth: true, applicationCertificate: pfx.base64, applicationCertificatePassword: pfx.password } });
      expect(response.status, response.text).to.equal(204);
      expect((await client.get(`/Organizations/${created.id}`)).body.exchangeOnlineSettings.applicationId).to.equal(created.exchangeOnlineSettings.applicationId);
    });

    it("takes a new certificate on an organization added with a new application only with configureApplication and a fresh signed-in code, which registers it", async () => {
      const client = await fixture.client("v8");
      const created = (await client.post("/Organizations", newApplicationBody(await signedInUserCode(client, "fabrikam.onmicrosoft.com"), pfx))).body;
      const applicationId = created.exchangeOnlineSettings.applicationId as string;
      const rotate = { applicationCertificate: rotated.base64, applicationCertificatePassword: rotated.password };
      const refused = await client.put(`/Organizations/${created.id}`, { exchangeOnlineSettings: rotate, sharePointOnlineSettings: rotate });
      expect(refused.status).to.equal(400);
      expect(refused.body.message).to.equal(
        `Failed to connect to Microsoft 365 organization: AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${rotated.thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${applicationId}'.]`,
      );
      expect((await client.get(`/Organizations/${created.id}`)).body.exchangeOnlineSettings.applicationCertificateThumbprint, "a refused PUT changes nothing").to.equal(pfx.thumbprint);

      const userCode = await signedInUserCode(client, "fabrikam.onmicrosoft.com");
      const accepted = await client.put(`/Organizations/${created.id}`, { configureApplication: true, userCode, exchangeOnlineSettings: rotate, sharePointOnlineSettings: rotate });
      expect(accepted.status, accepted.text).to.equal(204);
      const read = (await client.get(`/Organizations/${created.id}`)).body;
      expect(read.exchangeOnlineSettings).to.include({ applicationId, applicationCertificateThumbprint: rotated.thumbprint });
      expect(read.sharePointOnlineSettings).to.include({ applicationId, applicationCertificateThumbprint: rotated.thumbprint });
      const [application] = fixture.current.applications().filter((candidate) => candidate.applicationId === applicationId);
      expect(application!.certificates.map(({ thumbprint, addedBy }) => ({ thumbprint, addedBy }))).to.deep.equal([
        { thumbprint: pfx.thumbprint, addedBy: "newApplicationName" },
        { thumbprint: rotated.thumbprint, addedBy: "configureApplication" },
      ]);
      expect(fixture.current.deviceCodes().find((code) => code.userCode === userCode)?.used).to.equal(true);
      expect(fixture.current.trustReport().every((entry) => entry.trusted)).to.equal(true);
    });

    it("refuses a code signed in to another tenant for that, changing nothing and leaving the code unused", async () => {
      const client = await fixture.client("v8");
      const created = (await client.post("/Organizations", newApplicationBody(await signedInUserCode(client, "fabrikam.onmicrosoft.com"), pfx))).body;
      const elsewhere = await signedInUserCode(client, "contoso.onmicrosoft.com");
      const rotate = { applicationCertificate: rotated.base64, applicationCertificatePassword: rotated.password };
      const refused = await client.put(`/Organizations/${created.id}`, { configureApplication: true, userCode: elsewhere, exchangeOnlineSettings: rotate, sharePointOnlineSettings: rotate });
      expect(refused.status).to.equal(400);
      expect(refused.body.message).to.equal(
        `The device code '${elsewhere}' was signed in to contoso.onmicrosoft.com, not to fabrikam.onmicrosoft.com: VB365 cannot configure the application of fabrikam.onmicrosoft.com with it. A Global Administrator of fabrikam.onmicrosoft.com must sign in with a new code.`,
      );
      expect((await client.get(`/Organizations/${created.id}`)).body.exchangeOnlineSettings.applicationCertificateThumbprint).to.equal(pfx.thumbprint);
      expect(fixture.current.deviceCodes().find((code) => code.userCode === elsewhere)?.used).to.equal(false);
    });

    it("refuses to change the type or the region", async () => {
      const client = await fixture.client("v8");
      const id = await add(client, "contoso.onmicrosoft.com");
      expect((await client.put(`/Organizations/${id}`, { region: "Germany" })).body.message).to.equal(
        "The region of an organization cannot be changed (it is Worldwide). Remove the organization and add it again.",
      );
      expect((await client.put(`/Organizations/${id}`, { type: "Hybrid" })).status).to.equal(400);
    });

    it("lets v8 update an organization added with legacy protocols before, but not switch one to it", async () => {
      const v7 = await fixture.client("v7");
      const legacy = (await v7.post("/Organizations", legacyBody())).body.id;
      const v8 = await fixture.client("v8");
      expect((await v8.put(`/Organizations/${legacy}`, { description: "still here" })).status).to.equal(204);
      const modern = await add(v8, "contoso.onmicrosoft.com");
      const settings = legacyBody("contoso.onmicrosoft.com").exchangeOnlineSettings;
      const switched = await v8.put(`/Organizations/${modern}`, { exchangeOnlineSettings: settings, sharePointOnlineSettings: settings });
      expect(switched.status).to.equal(400);
      expect(switched.body.message).to.match(/^Veeam Backup for Microsoft 365 version 8 does not support/);
    });

    it("answers 404 for an unknown organization", async () => {
      const client = await fixture.client("v6");
      expect((await client.put("/Organizations/11111111-1111-1111-1111-111111111111", {})).status).to.equal(404);
    });
  });

  describe("DELETE /vN/Organizations/{id}", () => {
    it("removes the organization (204), after which it is 404", async () => {
      for (const version of ["v6", "v7", "v8"] as const) {
        const client = await fixture.client(version);
        const id = await add(client, `${version}.onmicrosoft.com`);
        const response = await client.delete(`/Organizations/${id}`);
        expect(response.status).to.equal(204);
        expect((await client.get(`/Organizations/${id}`)).status).to.equal(404);
        expect((await client.delete(`/Organizations/${id}`)).status).to.equal(404);
      }
    });

    it("refuses while a job of the organization is enabled, and removes disabled jobs with it", async () => {
      const client = await fixture.client("v8");
      const id = await add(client, "contoso.onmicrosoft.com");
      const job = (await client.post("/Jobs", { organizationId: id, repositoryId: DEFAULT_REPOSITORY_ID, backupType: "EntireOrganization", name: "Daily" })).body;
      const refused = await client.delete(`/Organizations/${id}`);
      expect(refused.status).to.equal(409);
      expect(refused.body).to.deep.equal({
        message: "Cannot remove the organization 'contoso.onmicrosoft.com' because 1 of its backup jobs is enabled ('Daily'). Disable all backup jobs of the organization, then remove it.",
        errorCode: "OperationConflict",
        stackTrace: null,
      });
      expect((await client.post(`/Jobs/${job.id}/disable`)).status).to.equal(204);
      expect((await client.delete(`/Organizations/${id}`)).status).to.equal(204);
      expect((await client.get(`/Jobs/${job.id}`)).status).to.equal(404);
    });
  });
});
