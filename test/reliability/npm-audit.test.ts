import { expect } from "chai";
import { describe, it } from "mocha";
import { npmAudit } from "./support/npm-audit";
import { results } from "./support/results";

describe("npm audit --omit=dev", () => {
  it("finds no high or critical advisory in the runtime dependencies (or records that it could not ask)", () => {
    const audit = npmAudit();
    results.audit = audit;
    if (audit.highOrCritical === null) {
      // No number to judge: the report says so instead of claiming a clean audit.
      expect(audit.unavailable).to.be.a("string").and.not.equal("");
    } else {
      expect(audit.highOrCritical, JSON.stringify(audit.bySeverity)).to.equal(0);
    }
  });
});
