import { expect } from "chai";
import { before, beforeEach, describe, it } from "mocha";
import { ApiError } from "../../../emulator/errors";
import { send, useEmulator, type EmulatorClient } from "../../helpers/emulator";
import { existingApplicationBody, pfxFixture, registerCertificate, type PfxFixture } from "../../helpers/emulator-fixtures";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MISSING = "11111111-1111-1111-1111-111111111111";

describe("emulator organization inventory", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));
  const organization = async (client: EmulatorClient, name = "contoso.onmicrosoft.com") =>
    (await client.post("/Organizations", existingApplicationBody(pfx, name))).body.id as string;
  const control = (method: string, path: string, json?: unknown) => send(fixture.current, method, `/__emulator${path}`, json === undefined ? {} : { json });
  const thrown = (action: () => unknown): ApiError => {
    try {
      action();
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error("expected an ApiError");
  };

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`listings on ${version}`, () => {
      it("lists the seeded users as a PageOfRESTUser with the inventory's ids", async () => {
        const client = await fixture.client(version);
        const id = await organization(client);
        const response = await client.get(`/Organizations/${id}/Users`);
        expect(response.status).to.equal(200);
        expect(response.body).to.include({ offset: 0, limit: 30 });
        const users = response.body.results;
        expect(users.map((user: { name: string; displayName: string }) => [user.name, user.displayName])).to.deep.equal([
          ["admin@contoso.onmicrosoft.com", "Admin"],
          ["alex@contoso.onmicrosoft.com", "Alex Wilber"],
          ["megan@contoso.onmicrosoft.com", "Megan Bowen"],
        ]);
        expect(users[0]).to.include({ type: "User", locationType: "Cloud" });
        expect(users[1].id).to.match(GUID);
        expect(users.map((user: { id: string }) => user.id)).to.deep.equal(fixture.current.inventory(id).users.map((user) => user.id));
        expect(users[1]._links.self.href).to.equal(`/${version}/Organizations/${id}/Users/${users[1].id}`);
      });

      it("lists groups, teams and the non-personal sites unless includePersonalSites=true", async () => {
        const client = await fixture.client(version);
        const id = await organization(client);
        const groups = (await client.get(`/Organizations/${id}/Groups`)).body.results;
        expect(groups.map((group: { displayName: string; name: string }) => [group.displayName, group.name])).to.deep.equal([
          ["All Company", "allcompany@contoso.onmicrosoft.com"],
          ["Sales", "sales@contoso.onmicrosoft.com"],
        ]);
        const teams = (await client.get(`/Organizations/${id}/Teams`)).body.results;
        expect(teams.map(({ id: _id, _links, ...team }: Record<string, unknown>) => team)).to.deep.equal([
          { displayName: "Sales", mail: "sales@contoso.onmicrosoft.com" },
          { displayName: "Engineering", mail: "engineering@contoso.onmicrosoft.com" },
        ]);
        const sites = (await client.get(`/Organizations/${id}/Sites`)).body.results;
        expect(sites.map((site: { url: string; title: string; isPersonal: boolean }) => [site.url, site.title, site.isPersonal])).to.deep.equal([
          ["https://contoso.sharepoint.com", "Communication site", false],
          ["https://contoso.sharepoint.com/sites/Sales", "Sales", false],
        ]);
        const all = (await client.get(`/Organizations/${id}/Sites?includePersonalSites=true`)).body.results;
        expect(all.filter((site: { isPersonal: boolean }) => site.isPersonal).map((site: { url: string; title: string }) => [site.url, site.title])).to.deep.equal([
          ["https://contoso-my.sharepoint.com/personal/admin_contoso_onmicrosoft_com", "Admin"],
          ["https://contoso-my.sharepoint.com/personal/alex_contoso_onmicrosoft_com", "Alex Wilber"],
          ["https://contoso-my.sharepoint.com/personal/megan_contoso_onmicrosoft_com", "Megan Bowen"],
        ]);
        expect((await client.get(`/Organizations/${id}/Sites?includePersonalSites=false`)).body.results).to.have.length(2);
      });

      it("answers 404 for an unknown organization and 400 for a bad flag", async () => {
        const client = await fixture.client(version);
        for (const kind of ["Users", "Groups", "Sites", "Teams"]) {
          const response = await client.get(`/Organizations/${MISSING}/${kind}`);
          expect(response.status, kind).to.equal(404);
          expect(response.body.message).to.equal(`Organization with ID '${MISSING}' was not found.`);
        }
        const id = await organization(client);
        expect((await client.get(`/Organizations/${id}/Sites?includePersonalSites=maybe`)).body.message).to.equal(
          "The value 'maybe' is not valid for includePersonalSites: expected true or false.",
        );
      });
    });
  }

  it("filters case-insensitively, on the whole value, with * and ? as wildcards", async () => {
    const client = await fixture.client("v8");
    const id = await organization(client);
    const names = async (path: string, member = "displayName") =>
      (await client.get(`/Organizations/${id}/${path}`)).body.results.map((item: Record<string, string>) => item[member]);
    expect(await names("Users?userName=ALEX@contoso.onmicrosoft.com")).to.deep.equal(["Alex Wilber"]);
    expect(await names("Users?userName=alex")).to.deep.equal([]);
    expect(await names("Users?displayName=megan%20bowen")).to.deep.equal(["Megan Bowen"]);
    expect(await names("Users?displayName=a*")).to.deep.equal(["Admin", "Alex Wilber"]);
    expect(await names("Users?displayName=Ad?in&userName=admin@contoso.onmicrosoft.com")).to.deep.equal(["Admin"]);
    expect(await names("Groups?displayName=all%20company")).to.deep.equal(["All Company"]);
    expect(await names("Groups?groupName=SALES@contoso.onmicrosoft.com")).to.deep.equal(["Sales"]);
    expect(await names("Teams?displayName=engineering")).to.deep.equal(["Engineering"]);
    expect(await names("Teams?displayName=Eng")).to.deep.equal([]);
  });

  it("pages under maxPageSize, keeping the filters in the links", async () => {
    fixture.current.configure({ maxPageSize: 2 });
    const client = await fixture.client("v7");
    const id = await organization(client);
    const first = (await client.get(`/Organizations/${id}/Users?limit=100`)).body;
    expect(first).to.include({ offset: 0, limit: 2 });
    expect(first.results).to.have.length(2);
    expect(first._links.next.href).to.equal(`/v7/Organizations/${id}/Users?offset=2&limit=2`);
    const second = (await client.get(first._links.next.href.replace("/v7", ""))).body;
    expect(second.results.map((user: { displayName: string }) => user.displayName)).to.deep.equal(["Megan Bowen"]);
    expect(second._links).to.not.have.property("next");
    const filtered = (await client.get(`/Organizations/${id}/Sites?includePersonalSites=true&offset=2`)).body;
    expect(filtered._links.prev.href).to.equal(`/v7/Organizations/${id}/Sites?offset=0&limit=2&includePersonalSites=true`);
    expect(filtered._links.next.href).to.equal(`/v7/Organizations/${id}/Sites?offset=4&limit=2&includePersonalSites=true`);
  });

  it("derives the seed from the organization's name, and the ids from it too", async () => {
    const client = await fixture.client("v8");
    const fabrikam = await organization(client, "fabrikam.onmicrosoft.com");
    const inventory = fixture.current.inventory(fabrikam);
    expect(inventory.users.map((user) => user.name)).to.include("megan@fabrikam.onmicrosoft.com");
    expect(inventory.sites.map((site) => site.url)).to.include("https://fabrikam-my.sharepoint.com/personal/megan_fabrikam_onmicrosoft_com");
    expect(inventory.teams[1]).to.include({ displayName: "Engineering", mail: "engineering@fabrikam.onmicrosoft.com" });
    const contoso = fixture.current.inventory(await organization(client));
    expect(contoso.users[0]!.id).to.not.equal(inventory.users[0]!.id);
    await client.delete(`/Organizations/${fabrikam}`);
    const again = fixture.current.inventory(await organization(client, "fabrikam.onmicrosoft.com"));
    expect(again, "the same tenant's objects keep their ids").to.deep.equal(inventory);
  });

  it("replaces the kinds setInventory gives and keeps the others", async () => {
    const client = await fixture.client("v6");
    const id = await organization(client);
    const seeded = fixture.current.inventory(id);
    const updated = fixture.current.setInventory(id, {
      users: [{ name: "diego@contoso.onmicrosoft.com", displayName: "Diego Siciliani" }],
      sites: [{ url: "https://contoso.sharepoint.com/sites/Legal", title: "Legal" }],
    });
    expect(updated.users).to.have.length(1);
    expect(updated.users[0]).to.include({ name: "diego@contoso.onmicrosoft.com", displayName: "Diego Siciliani" });
    expect(updated.users[0]!.id).to.match(GUID);
    expect(updated.sites).to.deep.equal([{ id: updated.sites[0]!.id, url: "https://contoso.sharepoint.com/sites/Legal", title: "Legal", isPersonal: false }]);
    expect(updated.groups).to.deep.equal(seeded.groups);
    expect(updated.teams).to.deep.equal(seeded.teams);
    expect(fixture.current.inventory(id)).to.deep.equal(updated);
    const users = (await client.get(`/Organizations/${id}/Users`)).body.results;
    expect(users.map((user: { id: string; name: string }) => [user.id, user.name])).to.deep.equal([[updated.users[0]!.id, "diego@contoso.onmicrosoft.com"]]);
  });

  it("refuses an invalid inventory and an unknown organization in-process", async () => {
    const client = await fixture.client("v8");
    const id = await organization(client);
    const duplicate = thrown(() => fixture.current.setInventory(id, { teams: [{ displayName: "A", mail: "a@x" }, { displayName: "B", mail: "A@X" }] }));
    expect(duplicate.status).to.equal(400);
    expect(duplicate.message).to.equal("Invalid inventory at teams.1: the team mail 'A@X' is listed twice");
    expect(thrown(() => fixture.current.inventory(MISSING)).status).to.equal(404);
    expect(thrown(() => fixture.current.setInventory(MISSING, { users: [] })).message).to.equal(`Organization with ID '${MISSING}' was not found.`);
  });

  it("reads and sets the inventory over the control API", async () => {
    const client = await fixture.client("v8");
    const id = await organization(client);
    const read = await control("GET", `/organizations/${id}/inventory`);
    expect(read.status).to.equal(200);
    expect(read.body).to.deep.equal(fixture.current.inventory(id));
    const put = await control("PUT", `/organizations/${id.toUpperCase()}/inventory`, { groups: [{ name: "legal@contoso.onmicrosoft.com", displayName: "Legal" }] });
    expect(put.status).to.equal(200);
    expect(put.body.groups.map((group: { displayName: string }) => group.displayName)).to.deep.equal(["Legal"]);
    expect(put.body.users).to.have.length(3);
    expect((await client.get(`/Organizations/${id}/Groups`)).body.results.map((group: { id: string }) => group.id)).to.deep.equal([put.body.groups[0].id]);
    const bad = await control("PUT", `/organizations/${id}/inventory`, { users: [{ name: "x@y" }] });
    expect(bad.status).to.equal(400);
    expect(bad.body.message).to.match(/^Invalid inventory at users\.0\.displayName: /);
    expect((await control("PUT", `/organizations/${id}/inventory`, { mailboxes: [] })).status).to.equal(400);
    expect((await control("GET", `/organizations/${MISSING}/inventory`)).body).to.deep.equal({ message: `Organization with ID '${MISSING}' was not found.` });
    expect((await control("DELETE", `/organizations/${id}/inventory`)).status).to.equal(405);
  });

  it("drops the inventory with its organization and on reset, and shows it in the state", async () => {
    const client = await fixture.client("v8");
    const id = await organization(client);
    expect(fixture.current.state().inventories[id]).to.deep.equal(fixture.current.inventory(id));
    await client.delete(`/Organizations/${id}`);
    expect(thrown(() => fixture.current.inventory(id)).status).to.equal(404);
    expect(fixture.current.state().inventories).to.deep.equal({});
    const other = await organization(client);
    fixture.current.reset();
    registerCertificate(fixture.current, pfx);
    expect((await control("GET", `/organizations/${other}/inventory`)).status).to.equal(404);
  });

  it("counts the listings under their kinds", async () => {
    const client = await fixture.client("v8");
    const id = await organization(client);
    for (const kind of ["Users", "Groups", "Sites", "Teams"]) await client.get(`/Organizations/${id}/${kind}`);
    const byKind = fixture.current.counters().byKind;
    expect([byKind["organizations.users"], byKind["organizations.groups"], byKind["organizations.sites"], byKind["organizations.teams"]]).to.deep.equal([1, 1, 1, 1]);
  });
});
