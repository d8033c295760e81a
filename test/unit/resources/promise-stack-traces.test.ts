import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";

interface Declared {
  limitBefore: number;
  limitAfter: number;
  limitAfterDeclaring: number;
  promises: number;
  promisesWithFrames: number;
  sourcePositions: string[];
  thrownStack: string;
}

// Mocks are global to the Pulumi runtime, so the declarations run in a process of their own.
function declareUnderMocks(env: Record<string, string | undefined>): Declared {
  const script = path.join(__dirname, "..", "..", "helpers", "declare-under-mocks.ts");
  const output = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return JSON.parse(output) as Declared;
}

describe("declaring resources without the SDK's promise stack traces", function () {
  this.timeout(60_000);
  let declared: Declared;
  let debugging: Declared;

  before(() => {
    declared = declareUnderMocks({ PULUMI_DEBUG_PROMISE_LEAKS: undefined });
    debugging = declareUnderMocks({ PULUMI_DEBUG_PROMISE_LEAKS: "1" });
  });

  it("records no stack trace for the promises behind a resource's outputs, and puts the limit back", () => {
    expect(declared.promises).to.be.greaterThan(50);
    expect(declared.promisesWithFrames).to.equal(0);
    expect(declared.limitAfterDeclaring).to.equal(declared.limitBefore);
    expect(declared.limitAfter).to.equal(declared.limitBefore);
  });

  it("keeps every stack trace when PULUMI_DEBUG_PROMISE_LEAKS asks for them", () => {
    expect(debugging.promises).to.equal(declared.promises);
    expect(debugging.promisesWithFrames).to.equal(debugging.promises);
  });

  it("still sends the engine each resource's source position", () => {
    const { sourcePositions } = declared;
    expect(sourcePositions).to.have.length(2);
    for (const uri of sourcePositions) expect(uri).to.match(/^file:\/\/.*\.ts$/);
  });

  it("gives an error thrown while declaring the frames of the code that declared it", () => {
    const { thrownStack } = declared;
    expect(thrownStack).to.match(/^Error: Missing resource name/);
    expect(thrownStack).to.include("declare-under-mocks.ts");
  });
});
