import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";
import { main } from "../../../cli/main";
import { capturedIo } from "../../helpers/captured-io";

describe("vb365 main", () => {
  it("prints the package version", async () => {
    const io = capturedIo();
    expect(await main(["--version"], io)).to.equal(0);
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")).version;
    expect(io.out()).to.equal(`${version}\n`);
  });

  it("shows help on stdout when asked and on stderr with exit code 2 when no command is given", async () => {
    const asked = capturedIo();
    expect(await main(["--help"], asked)).to.equal(0);
    expect(asked.out()).to.match(/^Usage: vb365 <command> \[flags\]/);
    const bare = capturedIo();
    expect(await main([], bare)).to.equal(2);
    expect(bare.err()).to.match(/^Usage: vb365 <command> \[flags\]/);
  });

  it("lists every exit code in the device-code help", async () => {
    const io = capturedIo();
    expect(await main(["device-code", "-h"], io)).to.equal(0);
    for (const code of ["0 done", "1 other failure", "2 usage", "3 credentials refused", "4 server unreachable", "5 TLS", "6 code expired", "7 --timeout", "8 Pulumi", "9 pulumi up", "130 interrupted"]) {
      expect(io.out()).to.include(code);
    }
  });

  it("runs device-code in-process with the given environment", async () => {
    const io = capturedIo({});
    expect(await main(["device-code", "--json"], io)).to.equal(2);
    expect(JSON.parse(io.out()).error.message).to.match(/^No VB365 server given/);
  });

  it("keeps the shebang so npm can link the bin", () => {
    expect(fs.readFileSync(path.join(__dirname, "..", "..", "..", "cli", "vb365.ts"), "utf8")).to.match(/^#!\/usr\/bin\/env node\n/);
  });
});
