import { expect } from "chai";
import { before, describe, it } from "mocha";
import { type Fleet, FLEET_VARIANTS } from "./support/fleet";
import { isClean } from "./support/inventory";
import { type WrongTenantResult, results } from "./support/results";
import { sharedFleet } from "./support/shared-fleet";

const INTRUDER = "intruder.onmicrosoft.com";

for (const variant of FLEET_VARIANTS) {
  describe(`tenant identity: a device code signed in to another tenant (${variant.label})`, () => {
    let fleet: Fleet;

    before(async () => {
      fleet = await sharedFleet(variant);
    });

    it("is refused, leaves nothing of that tenant, and the next sign-in to the right tenant converges", async () => {
      const destroyed = await fleet.destroyOrganizations("before the wrong-tenant sign-in: destroy the organizations");
      expect(destroyed.ok, destroyed.error).to.equal(true);

      await fleet.signIn(INTRUDER);
      const refused = await fleet.up(`pulumi up with a code signed in to ${INTRUDER}`);
      const message = refused.error ?? "";
      const onServer = fleet.emulator.state().organizations.map((organization) => organization.name);
      const tenant0Tracked = fleet.tracked().some((organization) => organization.declared === "tenant0.onmicrosoft.com");

      await fleet.signIn();
      const converged = await fleet.up("pulumi up after a sign-in to tenant0");
      const inventory = fleet.inventory();
      const result: WrongTenantResult = {
        fleet: variant.label,
        signedInTo: INTRUDER,
        refused: !refused.ok && message.includes(`VB365 added ${INTRUDER} instead of tenant0.onmicrosoft.com`),
        message: message.split("\n").find((line) => line.includes("VB365 added")) ?? message.slice(0, 300),
        leftNothing: !onServer.includes(INTRUDER) && !tenant0Tracked,
        converged: converged.ok && isClean(inventory),
        mismatches: inventory.mismatches,
      };
      results.wrongTenantSignIns.push(result);
      expect(result, JSON.stringify({ result, onServer, error: converged.error }, null, 2)).to.deep.include({ refused: true, leftNothing: true, converged: true, mismatches: [] });
    });
  });
}
