import { expect } from "chai";
import { describe, it } from "mocha";
import { ApiError } from "../../../emulator/errors";
import { page, pageRequest } from "../../../emulator/routes/paging";

describe("emulator paging", () => {
  it("defaults to offset 0 and limit 30 (DOC-PAGE)", () => {
    expect(pageRequest(new URLSearchParams(), { maxPageSize: null })).to.deep.equal({ offset: 0, limit: 30 });
    expect(pageRequest(new URLSearchParams("Offset=5&LIMIT=10000"), { maxPageSize: null })).to.deep.equal({ offset: 5, limit: 10000 });
  });

  it("clamps limit to a server's page cap, which the page then echoes", () => {
    expect(pageRequest(new URLSearchParams("offset=200&limit=1000"), { maxPageSize: 100 })).to.deep.equal({ offset: 200, limit: 100 });
    expect(pageRequest(new URLSearchParams("limit=20"), { maxPageSize: 100 })).to.deep.equal({ offset: 0, limit: 20 });
  });

  it("refuses values out of range", () => {
    for (const query of ["limit=0", "limit=10001", "offset=-3", "limit=ten"]) {
      expect(() => pageRequest(new URLSearchParams(query), { maxPageSize: null }), query).to.throw(ApiError);
    }
  });

  it("slices results and links first, prev, self and next", () => {
    const items = [1, 2, 3, 4, 5];
    expect(page(items, { offset: 2, limit: 2 }, "/v8/Jobs")).to.deep.equal({
      offset: 2,
      limit: 2,
      results: [3, 4],
      _links: {
        first: { href: "/v8/Jobs?offset=0&limit=2" },
        prev: { href: "/v8/Jobs?offset=0&limit=2" },
        self: { href: "/v8/Jobs?offset=2&limit=2" },
        next: { href: "/v8/Jobs?offset=4&limit=2" },
      },
    });
    expect(page(items, { offset: 10, limit: 2 }, "/v8/Jobs").results).to.deep.equal([]);
  });

  it("caps silently under silentPageCap: the page echoes the limit asked for and links nothing", () => {
    const request = pageRequest(new URLSearchParams("offset=2&limit=1000"), { maxPageSize: 2, silentPageCap: true });
    expect(request).to.deep.equal({ offset: 2, limit: 2, askedLimit: 1000 });
    expect(page([1, 2, 3, 4, 5], request, "/v8/Jobs")).to.deep.equal({ offset: 2, limit: 1000, results: [3, 4] });
  });
});
