import { expect } from "chai";
import { describe, it } from "mocha";
import { EMPTY_INVENTORY, seedInventory, withInventory } from "../../../emulator/inventory";
import { page } from "../../../emulator/routes/paging";
import { matchesFilter } from "../../../emulator/routes/inventory";

describe("emulator inventory", () => {
  it("matches filters on the whole value, case-insensitively, with * and ? only as wildcards", () => {
    expect(matchesFilter(undefined, "anything")).to.equal(true);
    expect(matchesFilter("ALEX WILBER", "Alex Wilber")).to.equal(true);
    expect(matchesFilter("Alex", "Alex Wilber")).to.equal(false);
    expect(matchesFilter("*wil*", "Alex Wilber")).to.equal(true);
    expect(matchesFilter("Ale? Wilber", "Alex Wilber")).to.equal(true);
    expect(matchesFilter("Ale? Wilber", "Ale Wilber")).to.equal(false);
    expect(matchesFilter("a.b*", "axb")).to.equal(false);
    expect(matchesFilter("(sales)*", "(Sales) team")).to.equal(true);
  });

  it("seeds the same ids for the same organization name, whatever its case, and others for another", () => {
    const contoso = seedInventory("contoso.onmicrosoft.com");
    expect(seedInventory("Contoso.onmicrosoft.com").users.map((user) => user.id)).to.deep.equal(contoso.users.map((user) => user.id));
    expect(seedInventory("fabrikam.onmicrosoft.com").users[0]!.id).to.not.equal(contoso.users[0]!.id);
    const all = [...contoso.users, ...contoso.groups, ...contoso.sites, ...contoso.teams].map((object) => object.id);
    expect(new Set(all).size).to.equal(all.length);
    expect([contoso.users.length, contoso.groups.length, contoso.sites.length, contoso.teams.length]).to.deep.equal([3, 2, 5, 2]);
  });

  it("uses the part before the first dot for SharePoint URLs", () => {
    const sites = seedInventory("litware.example.com").sites.map((site) => site.url);
    expect(sites).to.include("https://litware.sharepoint.com/sites/Sales");
    expect(sites).to.include("https://litware-my.sharepoint.com/personal/alex_litware_example_com");
  });

  it("keeps an object's id when it is set again", () => {
    const first = withInventory("contoso.onmicrosoft.com", EMPTY_INVENTORY, { teams: [{ displayName: "Legal", mail: "legal@contoso.onmicrosoft.com" }] });
    const renamed = withInventory("contoso.onmicrosoft.com", first, { teams: [{ displayName: "Legal & Compliance", mail: "LEGAL@contoso.onmicrosoft.com" }] });
    expect(renamed.teams[0]!.id).to.equal(first.teams[0]!.id);
  });

  it("repeats filters in page links, encoded", () => {
    const result = page([1, 2, 3], { offset: 0, limit: 2 }, "/v8/Organizations/x/Users", { displayName: "a b*" });
    expect(result._links).to.deep.equal({
      first: { href: "/v8/Organizations/x/Users?offset=0&limit=2&displayName=a%20b*" },
      self: { href: "/v8/Organizations/x/Users?offset=0&limit=2&displayName=a%20b*" },
      next: { href: "/v8/Organizations/x/Users?offset=2&limit=2&displayName=a%20b*" },
    });
  });
});
