import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, describe, it } from "mocha";
import { loadTenantsFile, TenantsFileError } from "../../../program/tenants-file";
import { aliasBomb, largeTenantsFile } from "../../helpers/hostile-yaml";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "teams/tenants.yaml";

describe("tenants file: bounded reading", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-tenants-limits-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses an alias bomb as a problem of the file, with the line and column of the alias", () => {
    expect(tenantsFileProblems(aliasBomb(), FILE)).to.equal(
      `${FILE} has aliases that expand too far:\n` +
        "  - line 10, column 12: the alias *c takes the file past the 100 aliased nodes a tenants file may have (a bound against alias bombs); write the values out instead",
    );
  });

  it("names the alias that passes the bound when one anchor is repeated too often, and takes it 99 times (100 nodes with the anchor's own)", () => {
    const repeated = (times: number) => `x: &x contoso\n${Array.from({ length: times }, (_, index) => `k${index}: *x`).join("\n")}\n`;
    expect(tenantsFileProblems(repeated(99), FILE)).to.match(/^teams\/tenants\.yaml has 101 problems/);
    expect(tenantsFileProblems(repeated(100), FILE)).to.match(/^teams\/tenants\.yaml has aliases that expand too far:\n {2}- line 101, column 6: the alias \*x /);
  });

  it("refuses a file over 16 MiB before reading it, and the same text given directly", () => {
    const file = path.join(dir, "large.yaml");
    const text = largeTenantsFile(20 * 1024 * 1024);
    fs.writeFileSync(file, text);
    const message = `${file} is 20.0 MiB, more than the 16.0 MiB a tenants file may have; give each stack a tenants file of its own (tenantsFile, docs/tenants-file.md).`;
    expect(() => loadTenantsFile(file)).to.throw(TenantsFileError, message);
    expect(tenantsFileProblems(text, file)).to.equal(message);
  });
});
