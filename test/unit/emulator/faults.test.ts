import { expect } from "chai";
import { describe, it } from "mocha";
import { faultMessage, faultSpecSchema, FaultSet, type FaultTarget } from "../../../emulator/faults";

const LIST_V8: FaultTarget = { method: "GET", version: "v8", template: "/v8/Organizations", kind: "organizations.list" };
const GET_V7: FaultTarget = { method: "GET", version: "v7", template: "/v7/Organizations/{organizationId}", kind: "organizations.get" };
const UNMATCHED: FaultTarget = { method: "GET", version: "v8", template: undefined, kind: undefined };

describe("emulator faults", () => {
  it("matches by method, route with or without version, kind and version", () => {
    const cases: Array<[Parameters<FaultSet["add"]>[0], FaultTarget, boolean]> = [
      [{ status: 500 }, UNMATCHED, true],
      [{ method: "get", status: 500 }, LIST_V8, true],
      [{ method: "POST", status: 500 }, LIST_V8, false],
      [{ route: "/v8/organizations", status: 500 }, LIST_V8, true],
      [{ route: "/Organizations/", status: 500 }, LIST_V8, true],
      [{ route: "/Organizations/{organizationId}", status: 500 }, GET_V7, true],
      [{ route: "/v8/Organizations/{organizationId}", status: 500 }, GET_V7, false],
      [{ route: "/Organizations", status: 500 }, UNMATCHED, false],
      [{ route: "*", status: 500 }, UNMATCHED, true],
      [{ kind: "organizations.get", status: 500 }, GET_V7, true],
      [{ kind: "organizations.get", status: 500 }, LIST_V8, false],
      [{ versions: ["v7"], status: 500 }, GET_V7, true],
      [{ versions: ["v7"], status: 500 }, LIST_V8, false],
    ];
    for (const [spec, target, expected] of cases) {
      const faults = new FaultSet();
      faults.add(spec);
      expect(faults.take(target) !== undefined, `${JSON.stringify(spec)} on ${target.method} ${target.template}`).to.equal(expected);
    }
  });

  it("skips the first N matching requests, then fires `times` times", () => {
    const faults = new FaultSet();
    faults.add({ status: 503, skip: 1, times: 2 });
    const fired = Array.from({ length: 5 }, () => faults.take(LIST_V8) !== undefined);
    expect(fired).to.deep.equal([false, true, true, false, false]);
    expect(faults.list()[0]).to.include({ seen: 3, fired: 2, remaining: 0 });
  });

  it("picks the first fault that still fires, in the order they were added", () => {
    const faults = new FaultSet();
    const first = faults.add({ status: 429, times: 1 });
    const second = faults.add({ status: 500 });
    expect(faults.take(LIST_V8)!.id).to.equal(first.id);
    expect(faults.take(LIST_V8)!.id).to.equal(second.id);
    expect(faults.take(LIST_V8)!.id).to.equal(second.id);
  });

  it("removes one fault or all", () => {
    const faults = new FaultSet();
    const fault = faults.add({ latencyMs: 5 });
    expect(faults.remove(fault.id)).to.equal(true);
    expect(faults.remove(fault.id)).to.equal(false);
    faults.add({ latencyMs: 5 });
    faults.clear();
    expect(faults.list()).to.deep.equal([]);
  });

  it("validates specs", () => {
    const schema = faultSpecSchema();
    expect(schema.safeParse({ status: 429, retryAfterSeconds: 2 }).success).to.equal(true);
    expect(schema.safeParse({}).success).to.equal(false);
    expect(schema.safeParse({ status: 302 }).success).to.equal(false);
    expect(schema.safeParse({ reset: "during" }).success).to.equal(false);
    expect(schema.safeParse({ latencyMs: 1, color: "red" }).success).to.equal(false);
  });

  it("has a default message per status", () => {
    expect(faultMessage({}, 503)).to.equal("The service is temporarily unavailable. Retry later.");
    expect(faultMessage({}, 418)).to.equal("The request failed with HTTP 418.");
    expect(faultMessage({ message: "Starting." }, 503)).to.equal("Starting.");
  });
});
