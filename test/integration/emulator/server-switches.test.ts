import { expect } from "chai";
import { before, beforeEach, describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID } from "../../../emulator";
import { send, useEmulator, type EmulatorClient } from "../../helpers/emulator";
import { existingApplicationBody, legacyBody, pfxFixture, registerCertificate, type PfxFixture } from "../../helpers/emulator-fixtures";

// Behaviours no source confirms, each behind a switch so that the provider is tested against both
// (docs/emulator.md, "What no source confirms").
describe("emulator switches for what real servers may do", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));

  const add = async (client: EmulatorClient, organization: string) => (await client.post("/Organizations", existingApplicationBody(pfx, organization))).body.id as string;

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("putSemantics replace: what a PUT omits is cleared, so a partial body is refused as incomplete", async () => {
        fixture.current.configure({ putSemantics: "replace" });
        const client = await fixture.client(version);
        const id = await add(client, "contoso.onmicrosoft.com");
        const partial = await client.put(`/Organizations/${id}`, { isTeamsOnline: false });
        expect(partial.status).to.equal(400);
        expect(partial.body.message).to.equal("Select at least one Microsoft 365 service: set isExchangeOnline or isSharePointOnline to true.");
        // A whole body, credentials included, is what a replacing server needs.
        expect((await client.put(`/Organizations/${id}`, { ...existingApplicationBody(pfx), isTeamsOnline: false })).status).to.equal(204);
        expect((await client.get(`/Organizations/${id}`)).body.isTeamsOnline).to.equal(false);
      });

      // v8 adds no organization with legacy protocols, the kind with a password to lose.
      if (version !== "v8") it("putSemantics replace: the secrets a PUT leaves out are gone", async () => {
        fixture.current.configure({ putSemantics: "replace" });
        const client = await fixture.client(version);
        const id = (await client.post("/Organizations", legacyBody())).body.id;
        const { password: _password, ...withoutPassword } = legacyBody().exchangeOnlineSettings as Record<string, unknown>;
        const response = await client.put(`/Organizations/${id}`, { ...legacyBody(), exchangeOnlineSettings: withoutPassword, sharePointOnlineSettings: withoutPassword });
        expect(response.status).to.equal(400);
        expect(response.body.message).to.match(/^'exchangeOnlineSettings.password' is required/);
      });

      it("putSemantics merge (the default): what a PUT omits is kept", async () => {
        const client = await fixture.client(version);
        const id = await add(client, "contoso.onmicrosoft.com");
        expect((await client.put(`/Organizations/${id}`, { isTeamsOnline: false })).status).to.equal(204);
        expect((await client.get(`/Organizations/${id}`)).body).to.include({ isTeamsOnline: false, isExchangeOnline: true });
      });

      it("deleteWithJobs: refused (409) while a job is enabled by default, or the jobs go with the organization under cascade", async () => {
        const client = await fixture.client(version);
        for (const mode of ["refuse", "cascade"] as const) {
          fixture.current.configure({ deleteWithJobs: mode });
          const id = await add(client, `${mode}.onmicrosoft.com`);
          const job = version === "v8" ? { organizationId: id, backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID } : { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID };
          const created = await client.post(version === "v8" ? "/Jobs" : `/Organizations/${id}/Jobs`, job);
          expect(created.status, created.text).to.be.within(200, 201);
          const deleted = await client.delete(`/Organizations/${id}`);
          if (mode === "refuse") {
            expect(deleted.status).to.equal(409);
            expect(fixture.current.state().jobs).to.have.length(1);
          } else {
            expect(deleted.status).to.equal(204);
            expect(fixture.current.state().jobs.filter((stored) => stored.organizationId === id)).to.deep.equal([]);
          }
        }
      });

      it("GET /RestorePortalSettings answers without a token, as configured", async () => {
        const anonymous = await send(fixture.current, "GET", `/${version}/RestorePortalSettings`);
        expect(anonymous.status).to.equal(200);
        expect(anonymous.body).to.deep.equal({ isEnabled: false });
        const restorePortal = {
          isEnabled: true,
          applicationId: "2c1e5b8a-7d6f-4e3c-9b2a-1f0e8d7c6b5a",
          msalAuthorityUri: "https://login.microsoftonline.com/organizations",
          restorePortalUri: "https://vb365.example.com:4443",
        };
        fixture.current.configure({ restorePortal });
        const configured = await send(fixture.current, "GET", `/${version}/RestorePortalSettings`);
        const { restorePortalUri, ...before } = restorePortal;
        expect(configured.body).to.deep.equal(version === "v6" ? before : { ...before, restorePortalUri });
      });
    });
  }

  it("maxPageSize: a v8 page holds at most the cap, echoes it as its limit, and links the next page", async () => {
    fixture.current.configure({ maxPageSize: 100 });
    const client = await fixture.client("v8");
    for (let i = 0; i < 120; i++) await add(client, `t${i}.onmicrosoft.com`);
    const first = (await client.get("/Organizations?offset=0&limit=1000")).body;
    expect(first).to.include({ offset: 0, limit: 100 });
    expect(first.results).to.have.length(100);
    expect(first._links.next.href).to.equal("/v8/Organizations?offset=100&limit=100");
    const second = (await client.get("/Organizations?offset=100&limit=1000")).body;
    expect(second.results).to.have.length(20);
    expect(second._links.next).to.equal(undefined);
  });
});
