import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { TestStack } from "../helpers/engine";

describe("Pulumi engine with a trivial dynamic resource", () => {
  let stack: TestStack;

  before(async () => {
    stack = await TestStack.create({ programDir: path.join(__dirname, "programs", "foundation") });
  });

  after(async () => {
    await stack?.dispose();
  });

  it("creates the resource on up", async () => {
    const result = await stack.up();
    expect(result.summary.result).to.equal("succeeded");
    expect(result.summary.resourceChanges).to.deep.include({ create: 2 });
    expect(result.outputs.value.value).to.equal("first");
    const [noop] = stack.resources();
    expect(noop.type).to.equal("pulumi-nodejs:dynamic/vb365:Noop");
    expect(noop.outputs?.value).to.equal("first");
  });

  it("shows no changes on a second preview", async () => {
    const result = await stack.preview({ expectNoChanges: true });
    expect(result.changeSummary).to.deep.equal({ same: 2 });
  });

  it("updates in place when an input changes", async () => {
    await stack.stack.setConfig("value", { value: "second" });
    const result = await stack.up();
    expect(result.summary.resourceChanges).to.deep.include({ update: 1 });
    expect(result.outputs.value.value).to.equal("second");
  });

  it("leaves the stack empty on destroy", async () => {
    const result = await stack.destroy();
    expect(result.summary.resourceChanges).to.deep.include({ delete: 2 });
    expect(stack.resources()).to.deep.equal([]);
  });
});
