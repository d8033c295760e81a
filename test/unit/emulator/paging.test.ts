import { expect } from "chai";
import { describe, it } from "mocha";
import { ApiError } from "../../../emulator/errors";
import { page, pageRequest } from "../../../emulator/routes/paging";

describe("emulator paging", () => {
  it("defaults to offset 0 and limit 30 (DOC-PAGE)", () => {
    expect(pageRequest(new URLSearchParams(), null)).to.deep.equal({ offset: 0, limit: 30 });
    expect(pageRequest(new URLSearchParams("Offset=5&LIMIT=10000"), null)).to.deep.equal({ offset: 5, limit: 10000 });
  });

  it("clamps limit to a server's page cap, which the page then echoes", () => {
    expect(pageRequest(new URLSearchParams("offset=200&limit=1000"), 100)).to.deep.equal({ offset: 200, limit: 100 });
    expect(pageRequest(new URLSearchParams("limit=20"), 100)).to.deep.equal({ offset: 0, limit: 20 });
  });

  it("refuses values out of range", () => {
    for (const query of ["limit=0", "limit=10001", "offset=-3", "limit=ten"]) {
      expect(() => pageRequest(new URLSearchParams(query), null), query).to.throw(ApiError);
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
});
