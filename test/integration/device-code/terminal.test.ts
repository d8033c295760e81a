import { execFileSync, spawn } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../../emulator";

const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** util-linux `script` gives the command a real pseudo-terminal; Node has no pty of its own. */
function hasScript(): boolean {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("vb365 device-code on a terminal", function () {
  this.slow(10_000);
  let emulator: Emulator;

  before(async function () {
    if (!hasScript()) this.skip(); // only where util-linux `script` is missing (not on Linux CI)
    emulator = await startEmulator({ http: true, autoApproveDeviceCodesMs: 2500 });
  });
  after(async () => {
    await emulator?.close();
  });

  it("asks for the password without echoing it and shows a live countdown until the sign-in", async () => {
    const command = [
      JSON.stringify(process.execPath),
      "-r",
      JSON.stringify(require.resolve("ts-node/register/transpile-only")),
      JSON.stringify(path.join(repoRoot, "cli", "vb365.ts")),
      "device-code",
      "--url",
      emulator.url,
      "--username",
      DEFAULT_USER.name,
      "--wait",
      "--interval",
      "500ms",
    ].join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let screen = "";
    let typed = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      screen += chunk;
      if (!typed && screen.includes("Password of admin at")) {
        typed = true;
        child.stdin.write(`${DEFAULT_USER.password}\r`);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));

    expect(code, screen).to.equal(0);
    expect(screen).to.include(`Password of admin at ${emulator.url}: `);
    expect(screen).not.to.include(DEFAULT_USER.password);
    expect(screen).to.match(/\r\x1b\[2KWaiting for the customer to sign in… 1[45]:\d\d left \(Ctrl-C stops waiting\)/);
    expect(screen).to.match(/\r\x1b\[2KSigned in\. The code can be used until .* UTC/);
    expect(emulator.deviceCodes()[0].signedIn).to.equal(true);
  });
});
