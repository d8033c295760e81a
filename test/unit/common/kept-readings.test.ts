import { expect } from "chai";
import { describe, it } from "mocha";
import { KeptReadings } from "../../../provider/common/kept-readings";

describe("readings kept by PFX bytes and password", () => {
  it("reads once for the same bytes and password, again for another password", () => {
    const kept = new KeptReadings<string>(4);
    let reads = 0;
    const read = (value: string) => () => {
      reads += 1;
      return value;
    };
    expect(kept.getOrRead("UEZY", "right", read("first"))).to.equal("first");
    expect(kept.getOrRead("UEZY", "right", read("second"))).to.equal("first");
    expect(kept.getOrRead("UEZY", "other", read("third"))).to.equal("third");
    expect(reads).to.equal(2);
  });

  it("drops the oldest reading when full, and a reading set again counts as new", () => {
    const kept = new KeptReadings<number>(2);
    kept.set("a", "p", 1);
    kept.set("b", "p", 2);
    kept.set("a", "p", 3);
    kept.set("c", "p", 4);
    expect(kept.get("b", "p")).to.equal(undefined);
    expect(kept.get("a", "p")).to.equal(3);
    expect(kept.get("c", "p")).to.equal(4);
  });
});
