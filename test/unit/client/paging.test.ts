import { expect } from "chai";
import { describe, it } from "mocha";
import { nextOffset } from "../../../provider/client/vb365-client";

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id-${i}` }));

describe("Vb365Client paging of GET /v8/Organizations", () => {
  it("follows the offset of _links.next, whatever version its href names", () => {
    expect(nextOffset({ results: items(100), limit: 100, _links: { next: { href: "/v7/Organizations?offset=100&limit=100" } } }, 0, 1000)).to.equal(100);
  });

  it("advances by what the page returned when the server capped limit and linked nothing", () => {
    expect(nextOffset({ results: items(100), limit: 100 }, 200, 1000)).to.equal(300);
    // No limit echoed and a full page: another page may follow.
    expect(nextOffset({ results: items(1000) }, 0, 1000)).to.equal(1000);
  });

  it("stops at an empty page, or a short one from a server that links its pages or echoes its own limit", () => {
    expect(nextOffset({ results: [] }, 300, 1000)).to.equal(undefined);
    expect(nextOffset({ results: items(40), limit: 100 }, 300, 1000)).to.equal(undefined);
    // Links without a next one (what is left of self and first once parsed).
    expect(nextOffset({ results: items(40), limit: 1000, _links: {} }, 0, 1000)).to.equal(undefined);
  });

  it("goes on past a short page from a server that neither links its pages nor echoes a limit of its own, which may have capped it silently", () => {
    expect(nextOffset({ results: items(40) }, 0, 1000)).to.equal(40);
    expect(nextOffset({ results: items(1000), limit: 10000 }, 0, 10000)).to.equal(1000);
  });

  it("ignores a next link that does not move forward", () => {
    expect(nextOffset({ results: items(100), limit: 100, _links: { next: { href: "/v8/Organizations?offset=0&limit=100" } } }, 100, 1000)).to.equal(200);
  });
});
