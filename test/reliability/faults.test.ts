import { expect } from "chai";
import { before, describe, it } from "mocha";
import { createCases, deleteCases, deviceCodeCases, type FaultCase, FAULTS, listCases, readCases, tokenCases, updateCases } from "./support/fault-cases";
import { finishDeviceCodeCase, runDeviceCodeCase, runFaultCase } from "./support/fault-runner";
import { type Fleet, FLEET_SIZE, FLEET_VARIANTS } from "./support/fleet";
import { type FaultCaseResult, results } from "./support/results";
import { sharedFleet } from "./support/shared-fleet";

function recorded(...cases: FaultCaseResult[]): void {
  results.faultCases.push(...cases);
  const failed = cases
    .filter((result) => !result.converged)
    .map((result) => `${result.id}: ${result.outcome} ${JSON.stringify({ orphans: result.orphans, missing: result.missing, stale: result.stale, duplicates: result.duplicates, mismatches: result.mismatches })}`);
  expect(failed, failed.join("\n")).to.deep.equal([]);
}

for (const variant of FLEET_VARIANTS) {
  describe(`fault matrix: every call kind × every fault, on ${FLEET_SIZE} tenants (${variant.label})`, () => {
    let fleet: Fleet;

    before(async () => {
      fleet = await sharedFleet(variant);
    });

    const runs = (fault: FaultCase) => variant.persistentFaults || !fault.persistent;

    describe("token and update, through pulumi up with an input change", () => {
      for (const fault of [...tokenCases(), ...updateCases()].filter(runs)) {
        it(fault.id, async () => recorded(await runFaultCase(fleet, fault)));
      }
    });

    describe("read, through pulumi refresh", () => {
      for (const fault of readCases().filter(runs)) {
        it(fault.id, async () => recorded(await runFaultCase(fleet, fault)));
      }
    });

    describe("delete, device code and create: destroy the organizations, sign in again, create them", () => {
      const deletes = deleteCases();
      const signIns = deviceCodeCases();
      const creates = createCases();
      FAULTS.forEach((fault, i) => {
        it(`${fault}: delete, device code, create`, async () => {
          const deleted = await runFaultCase(fleet, deletes[i]);
          const signIn = await runDeviceCodeCase(fleet, signIns[i]);
          const created = await runFaultCase(fleet, creates[i]);
          recorded(deleted, finishDeviceCodeCase(fleet, signIn.result, signIn.userCode), created);
        });
      });
      if (variant.persistentFaults) {
        it("persistent faults: delete and create fail with a clear message, the next run converges", async () => {
          const deleted = await runFaultCase(fleet, deletes[FAULTS.length]);
          await fleet.signIn();
          const created = await runFaultCase(fleet, creates[FAULTS.length]);
          recorded(deleted, created);
        });
      }
    });

    describe("list, through the listing a create makes after an ambiguous failure", () => {
      for (const fault of listCases()) {
        it(fault.id, async () => {
          const destroyed = await fleet.destroyOrganizations(`before ${fault.id}: destroy the organizations`);
          expect(destroyed.ok, destroyed.error).to.equal(true);
          await fleet.signIn();
          recorded(await runFaultCase(fleet, fault));
        });
      }
    });
  });
}
