import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { findPulumi, pinnedVersion } from "../../../cli/pulumi/locate";
import { PulumiError } from "../../../cli/pulumi/errors";

describe("findPulumi", () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-locate-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function executable(file: string): string {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
    return file;
  }

  it("follows the pin of scripts/pulumi-cli/go.mod", () => {
    expect(pinnedVersion()).to.match(/^3\.\d+\.\d+$/);
  });

  it("prefers pulumi on PATH, then the cache ensure-pulumi fills", () => {
    const onPath = executable(path.join(dir, "path-bin", "pulumi"));
    const cached = executable(path.join(dir, "home", "versions", pinnedVersion(), "bin", "pulumi"));
    const empty = path.join(dir, "empty");
    fs.mkdirSync(empty);
    expect(findPulumi({ PATH: `${empty}${path.delimiter}${path.dirname(onPath)}`, PULUMI_HOME: path.join(dir, "home") })).to.equal(onPath);
    expect(findPulumi({ PATH: empty, PULUMI_HOME: path.join(dir, "home") })).to.equal(cached);
  });

  it("skips files that are not executable", () => {
    const notExecutable = path.join(dir, "plain", "pulumi");
    fs.mkdirSync(path.dirname(notExecutable), { recursive: true });
    fs.writeFileSync(notExecutable, "", { mode: 0o644 });
    expect(() => findPulumi({ PATH: path.dirname(notExecutable), PULUMI_HOME: path.join(dir, "nowhere") })).to.throw(PulumiError);
  });

  it("names npm run setup:pulumi when there is none", () => {
    const home = path.join(dir, "nowhere");
    expect(() => findPulumi({ PATH: "", PULUMI_HOME: home })).to.throw(
      `The Pulumi CLI was not found on PATH or in ${path.join(home, "versions", pinnedVersion(), "bin")}. Install it, or run \`npm run setup:pulumi\` in the pulumi-vb365 package, which builds it into that directory.`,
    );
  });
});
