import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, describe, it } from "mocha";
import { main } from "../../../cli/main";
import { aliasBomb, largeTenantsFile } from "../../helpers/hostile-yaml";
import { capturedIo } from "../../helpers/captured-io";

const HINT = "Fix the file (docs/tenants-file.md), or export to another --file, or without --file to print the entries.";

describe("vb365 tenants export --file: a hostile or broken file is bad input, named with its line", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-hostile-file-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the export on `text` as --file against a server nobody listens on: the file must stop it first. */
  async function exportInto(name: string, text: string) {
    fs.writeFileSync(path.join(dir, name), text);
    const io = capturedIo({ VB365_PASSWORD: "secret-password" }, dir);
    const code = await main(["tenants", "export", "--file", name, "--url", "https://127.0.0.1:9", "--username", "admin", "--json"], io);
    return { code, report: JSON.parse(io.out()), err: io.err(), unchanged: fs.readFileSync(path.join(dir, name), "utf8") === text };
  }

  it("refuses an alias bomb with exit code 2, naming the file, the line and the alias, not as an unexpected error", async () => {
    const run = await exportInto("bomb.yaml", aliasBomb());
    const message =
      "--file bomb.yaml cannot be added to: it has aliases that expand too far (line 10, column 12: the alias *c takes the file past " +
      "the 100 aliased nodes a tenants file may have (a bound against alias bombs); write the values out instead).";
    expect(run.code).to.equal(2);
    expect(run.report.error).to.deep.equal({ exitCode: 2, code: "tenants_file_invalid", message, hint: HINT });
    expect(run.err).to.equal(`vb365 tenants export: ${message}\n${HINT}\n`);
    expect(run.unchanged).to.equal(true);
  });

  it("refuses a file over 16 MiB before parsing it", async () => {
    const run = await exportInto("large.yaml", largeTenantsFile(20 * 1024 * 1024));
    expect(run.code).to.equal(2);
    expect(run.report.error).to.deep.include({
      code: "tenants_file_invalid",
      message: "--file large.yaml cannot be added to: it is 20.0 MiB, more than the 16.0 MiB a tenants file may have; give each stack a tenants file of its own (tenantsFile, docs/tenants-file.md).",
    });
  });

  it("refuses YAML it cannot parse with exit code 2, naming the line and column", async () => {
    const run = await exportInto("broken.yaml", "tenants:\n  - name: contoso\n    organization: [unclosed\n");
    expect(run.code).to.equal(2);
    expect(run.report.error.message).to.match(/^--file broken\.yaml cannot be added to: it is not valid YAML \(line 4, column 1: /);
  });
});
