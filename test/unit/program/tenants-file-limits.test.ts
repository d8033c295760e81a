import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, describe, it } from "mocha";
import { loadTenantsFile, TenantsFileError } from "../../../program/tenants-file";
import { MAX_TENANTS_FILE_BYTES, readAtMost, readTenantsText, TenantsYamlError } from "../../../program/yaml-reader";
import { aliasBomb, largeTenantsFile } from "../../helpers/hostile-yaml";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "teams/tenants.yaml";

/** Writes process.argv[2] bytes of "#" to the FIFO process.argv[1] and closes it; a reader that goes away first ends it with EPIPE. */
const FIFO_WRITER = `
const fs = require("node:fs");
const fd = fs.openSync(process.argv[1], "w");
const block = Buffer.alloc(1024 * 1024, "#");
for (let left = Number(process.argv[2]); left > 0; left -= block.length) fs.writeSync(fd, block, 0, Math.min(left, block.length));
fs.closeSync(fd);
`;

/** A FIFO in `dir` with a writer process started on it, which a read of the FIFO meets (fstat says size 0, as for /dev/stdin). */
async function fifoWriting(dir: string, name: string, bytes: number): Promise<{ fifo: string; exitCode: Promise<number | null> }> {
  const fifo = path.join(dir, name);
  execFileSync("mkfifo", [fifo]);
  const writer = spawn(process.execPath, ["-e", FIFO_WRITER, fifo, String(bytes)], { stdio: "ignore" });
  const exitCode = once(writer, "exit").then(([code]) => code as number | null);
  // The read that follows blocks this thread in open() until the writer opens its end.
  await once(writer, "spawn");
  return { fifo, exitCode };
}

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

  it("reads a FIFO, whose size says 0 as /dev/stdin's does, whole within the limit, and only to one byte past 16 MiB beyond it", async () => {
    const small = await fifoWriting(dir, "small.fifo", 3 * 1024 * 1024 + 7);
    expect(readTenantsText(small.fifo).length).to.equal(3 * 1024 * 1024 + 7);
    expect(await small.exitCode).to.equal(0);

    const large = await fifoWriting(dir, "large.fifo", MAX_TENANTS_FILE_BYTES + 4 * 1024 * 1024);
    expect(() => readTenantsText(large.fifo, FILE)).to.throw(
      TenantsYamlError,
      `${FILE} is more than the 16.0 MiB a tenants file may have; give each stack a tenants file of its own (tenantsFile, docs/tenants-file.md).`,
    );
    // The writer is cut off (EPIPE) with megabytes still to write: they were never read.
    expect(await large.exitCode).to.not.equal(0);
  });

  it("reads at most one byte past the limit it is given, whatever the size of the file", () => {
    const file = path.join(dir, "ten-bytes.yaml");
    fs.writeFileSync(file, "0123456789");
    const atMost = (limit: number) => {
      const fd = fs.openSync(file, "r");
      try {
        return readAtMost(fd, limit)?.toString("utf8");
      } finally {
        fs.closeSync(fd);
      }
    };
    expect(atMost(10)).to.equal("0123456789");
    expect(atMost(9)).to.equal(undefined);
    expect(atMost(0)).to.equal(undefined);
  });
});
