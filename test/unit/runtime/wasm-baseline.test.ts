import { execFileSync } from "node:child_process";
import { expect } from "chai";
import { describe, it } from "mocha";
import { BASELINE_FLAG } from "../../../provider/runtime/wasm-baseline";

describe("runtime: WebAssembly on the baseline compiler", () => {
  it("uses a flag this Node's V8 still has (setFlagsFromString would ignore one it does not)", () => {
    const flags = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    expect(flags).to.include(`  ${BASELINE_FLAG} `);
  });
});
