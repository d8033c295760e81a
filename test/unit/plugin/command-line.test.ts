import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect } from "chai";
import { afterEach, describe, it } from "mocha";
import { commandLineOf, procCommandLine, psCommandLine } from "../../../provider/plugin/command-line";

const HOST = "/opt/pulumi tools/bin/pulumi-language-nodejs";
const ENGINE = "127.0.0.1:4242";
/** Far above any pid_max: no process has it. */
const NO_SUCH_PID = 999_999_999;

describe("the command line of another process (whether the plugin's parent is a language host)", () => {
  const started: ChildProcess[] = [];
  afterEach(() => started.splice(0).forEach((child) => child.kill()));

  /** A process whose arguments look like a language host's: its path (with a space) and the engine's address. */
  const languageHostLike = async (): Promise<number> => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", HOST, ENGINE], { stdio: "ignore" });
    started.push(child);
    await once(child, "spawn");
    return child.pid!;
  };

  it("reads it from ps where there is no /proc (macOS), keeping the program's name and the engine's address", async () => {
    const pid = await languageHostLike();
    const parts = psCommandLine(pid);
    expect(parts).to.include(ENGINE);
    expect(parts?.some((part) => part.endsWith("/pulumi-language-nodejs"))).to.equal(true);
    expect(psCommandLine(NO_SUCH_PID)).to.equal(undefined);
  });

  it("reads it from /proc exactly where there is one, and says undefined for a process that does not exist", async () => {
    const pid = await languageHostLike();
    expect(procCommandLine(pid)?.slice(-2)).to.deep.equal([HOST, ENGINE]);
    expect(commandLineOf(pid)?.slice(-2)).to.deep.equal([HOST, ENGINE]);
    expect(procCommandLine(NO_SUCH_PID)).to.equal(undefined);
    expect(commandLineOf(NO_SUCH_PID)).to.equal(undefined);
  });
});
