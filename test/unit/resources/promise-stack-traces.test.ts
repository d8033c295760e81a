import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { afterEach, before, beforeEach, describe, it } from "mocha";
import { pausePromiseStackTraces } from "../../../provider/common/promise-stack-traces";

interface UnderMocks {
  unpaused: number;
  paused: number;
  limitBefore: number;
  limitAfter: number;
  limitAfterThrow: number;
  thrownStack: string;
}

describe("the stack-trace pause while a resource is declared", () => {
  describe("against the Pulumi SDK (mock engine, a process of its own)", () => {
    let run: UnderMocks;

    before(function () {
      this.timeout(60_000);
      const script = path.join(__dirname, "stack-traces-under-mocks.ts");
      const env = { ...process.env };
      delete env.PULUMI_DEBUG_PROMISE_LEAKS;
      run = JSON.parse(execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], { encoding: "utf8", env })) as UnderMocks;
    });

    it("has something to skip: the SDK still formats dozens of stack traces to declare one resource", () => {
      // If this fails, the SDK no longer takes these traces and the pause is dead weight: remove it.
      expect(run.unpaused).to.be.greaterThan(50);
    });

    it("leaves only the trace of the resource's source position, which the SDK takes with a limit of its own", () => {
      expect(run.paused).to.equal(1);
    });

    it("puts the limit back after a declaration and after one that throws", () => {
      expect(run.limitAfter).to.equal(run.limitBefore);
      expect(run.limitAfterThrow).to.equal(run.limitBefore);
    });

    it("gives an error thrown by the SDK the frames of the declaration", () => {
      expect(run.thrownStack).to.match(/^Error: Missing resource name/);
      expect(run.thrownStack.split("\n")[1]).to.include("new TenantCertificate");
      expect(run.thrownStack).to.include("stack-traces-under-mocks.ts");
    });
  });

  describe("on its own", () => {
    let limit: number;
    let debugging: string | undefined;

    beforeEach(() => {
      limit = Error.stackTraceLimit;
      debugging = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
      delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    });
    afterEach(() => {
      Error.stackTraceLimit = limit;
      if (debugging === undefined) delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
      else process.env.PULUMI_DEBUG_PROMISE_LEAKS = debugging;
    });

    it("takes no frames until resumed, and resuming twice keeps the limit resumed to", () => {
      Error.stackTraceLimit = 7;
      const pause = pausePromiseStackTraces();
      expect(new Error("paused").stack).to.equal("Error: paused");
      pause.resume();
      expect(Error.stackTraceLimit).to.equal(7);
      Error.stackTraceLimit = 3;
      pause.resume();
      expect(Error.stackTraceLimit, "a second resume").to.equal(3);
    });

    it("pauses nothing when PULUMI_DEBUG_PROMISE_LEAKS asks for the traces", () => {
      process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
      const pause = pausePromiseStackTraces();
      expect(Error.stackTraceLimit).to.equal(limit);
      expect(new Error("kept").stack).to.include("\n    at ");
      pause.resume();
    });

    it("gives an error made while paused the frames below the given function", () => {
      function declaring(): unknown {
        const pause = pausePromiseStackTraces();
        try {
          throw new Error("refused");
        } catch (error) {
          return pause.failed(error, declaring);
        } finally {
          pause.resume();
        }
      }
      const stack = (declaring() as Error).stack ?? "";
      expect(Error.stackTraceLimit).to.equal(limit);
      expect(stack).to.match(/^Error: refused\n    at /);
      expect(stack).not.to.include("at declaring");
      expect(stack).to.include("promise-stack-traces.test.ts");
    });
  });
});
