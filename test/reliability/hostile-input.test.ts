import { expect } from "chai";
import { describe, it } from "mocha";
import { hostileCases } from "./support/hostile";
import { type HostileInputResult, results } from "./support/results";

/** The bound: a hostile input is refused, or contained, within this time on the CI machine. */
export const HOSTILE_INPUT_BOUND_MS = 2_000;

function recorded(result: HostileInputResult): void {
  results.hostileInputs.push(result);
  expect(result, `${result.area}: ${result.id}:\n${result.message}`).to.deep.include({ refused: true, leaked: [], halfCreated: [] });
  expect(result.durationMs, `${result.area}: ${result.id} took ${result.durationMs} ms`).to.be.below(HOSTILE_INPUT_BOUND_MS);
}

describe("hostile input: refused quickly, nothing leaked, nothing half-made", () => {
  const byArea = new Map<string, ReturnType<typeof hostileCases>>();
  for (const hostile of hostileCases()) byArea.set(hostile.area, [...(byArea.get(hostile.area) ?? []), hostile]);
  for (const [area, cases] of byArea) {
    describe(area, () => {
      for (const hostile of cases) {
        it(hostile.id, async () => {
          const started = performance.now();
          const outcome = await hostile.run();
          recorded({ id: hostile.id, area, ...outcome, durationMs: Math.round(performance.now() - started) });
        });
      }
    });
  }
});
