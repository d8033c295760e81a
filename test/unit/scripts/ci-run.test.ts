import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";

const REPO = path.resolve(__dirname, "..", "..", "..");

describe(".ci/run and README.md: one test command, installing exactly what the lock pins", () => {
  it("runs npm ci && npm test, the command README.md gives for a fresh machine", () => {
    const lines = fs.readFileSync(path.join(REPO, ".ci", "run"), "utf8").split("\n").filter((line) => line.trim() && !line.startsWith("#"));
    const command = lines[lines.length - 1];
    expect(command).to.equal("npm ci && npm test");
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    expect(readme).to.match(/^npm ci && npm test +# every suite/m);
    expect(readme).to.match(/^npm ci && npm start +# the main job/m);
  });
});
