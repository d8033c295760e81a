import { expect } from "chai";
import { before, describe, it } from "mocha";
import { type Fleet, FLEET_VARIANTS } from "./support/fleet";
import { interruptUp, type Moment, MOMENTS } from "./support/interruption";
import { results } from "./support/results";
import { sharedFleet } from "./support/shared-fleet";

for (const variant of FLEET_VARIANTS) {
  describe(`interruption: pulumi up signalled mid-run, then the documented recovery (${variant.label})`, () => {
    let fleet: Fleet;

    before(async () => {
      fleet = await sharedFleet(variant);
    });

    // SIGINT lets the CLI finish what is in flight; SIGKILL leaves pending creates and the lock:
    // early in the run, and right after VB365 added the organizations the next run cannot take
    // back by certificate alone (the used device code) or at all (no certificate).
    const interruptions: Array<{ signal: "SIGINT" | "SIGKILL"; moment: () => Moment }> = [
      { signal: "SIGINT", moment: () => MOMENTS.afterCreates(5) },
      { signal: "SIGKILL", moment: () => MOMENTS.afterCreates(3) },
      { signal: "SIGKILL", moment: MOMENTS.afterDeviceCodeCreate },
      { signal: "SIGKILL", moment: MOMENTS.afterLegacyCreate },
    ];
    for (const { signal, moment } of interruptions) {
      it(`${signal} ${moment().description}: recovers, converges, nothing duplicated or orphaned`, async () => {
        const destroyed = await fleet.destroyOrganizations(`before ${signal}: destroy the organizations`);
        expect(destroyed.ok, destroyed.error).to.equal(true);
        await fleet.signIn();
        const result = await interruptUp(fleet, signal, moment());
        results.interruptions.push(result);
        expect(result.converged, JSON.stringify(result, null, 2)).to.equal(true);
      });
    }
  });
}
