import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, describe, it } from "mocha";
import { parseDeviceCodeArgs } from "../../../cli/device-code/args";
import { main } from "../../../cli/main";
import { PulumiStack } from "../../../cli/pulumi/stack";
import { UsageError } from "../../../cli/usage-error";
import { capturedIo } from "../../helpers/captured-io";

const RULE =
  'A config key is [namespace:]name, each part of letters, digits, "_", "." and "-", not starting with "-" or ".", at most 100 characters, ' +
  "and never in the vb365: or pulumi: namespace (for example deviceCode-contoso or contoso:userCode).";

function refusal(key: string): string {
  try {
    parseDeviceCodeArgs(["--stack", "prod", `--config-key=${key}`]);
  } catch (error) {
    expect(error).to.be.instanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected --config-key ${JSON.stringify(key)} to be refused`);
}

describe("vb365 device-code --config-key: only a key of the program's own config", () => {
  it("refuses a key in the provider's vb365: namespace, whatever its case, and in Pulumi's own; takes the project's keys", () => {
    expect(refusal("vb365:password")).to.equal(`--config-key "vb365:password" is in the vb365: namespace, which holds the provider's connection settings (vb365:password among them). ${RULE}`);
    expect(refusal("VB365:url")).to.equal(`--config-key "VB365:url" is in the vb365: namespace, which holds the provider's connection settings (vb365:password among them). ${RULE}`);
    expect(refusal("pulumi:disable-default-providers")).to.equal(`--config-key "pulumi:disable-default-providers" is in the pulumi: namespace, which holds Pulumi's own settings. ${RULE}`);
    for (const key of ["deviceCode-contoso", "contoso:userCode", "contosoUserCode", "my_project.v2:device-code"]) {
      expect(parseDeviceCodeArgs(["--stack", "prod", "--config-key", key]).configKey).to.equal(key);
    }
  });

  it("refuses Pulumi's old <namespace>:config:<name> spelling, which would reach vb365:password too", () => {
    expect(refusal("vb365:config:password")).to.equal(`--config-key "vb365:config:password" has more than one ":". ${RULE}`);
  });

  it("refuses a key that would be taken for a flag, or that hides white space or control characters", () => {
    expect(refusal("-s")).to.equal(`--config-key "-s" starts with "-", so it would be taken for a flag. ${RULE}`);
    expect(refusal("a b")).to.equal(`--config-key "a b" has characters a config key cannot have. ${RULE}`);
    expect(refusal("code\n")).to.equal(`--config-key "code\\n" has characters a config key cannot have. ${RULE}`);
    expect(refusal(".hidden")).to.equal(`--config-key ".hidden" has characters a config key cannot have. ${RULE}`);
    expect(refusal(":code")).to.equal(`--config-key ":code" has an empty namespace or name. ${RULE}`);
    expect(refusal("x".repeat(101))).to.equal(`--config-key "${"x".repeat(101)}" has a part longer than 100 characters. ${RULE}`);
  });

  it("stops the command with exit code 2 before VB365 or Pulumi is asked anything", async () => {
    const io = capturedIo({ PATH: "", VB365_PASSWORD: "secret-password" });
    const code = await main(["device-code", "--url", "https://127.0.0.1:9", "--username", "admin", "--stack", "prod", "--config-key", "vb365:password", "--json"], io);
    expect(code).to.equal(2);
    const report = JSON.parse(io.out());
    expect(report.error).to.deep.equal({
      exitCode: 2,
      code: "usage",
      message: `--config-key "vb365:password" is in the vb365: namespace, which holds the provider's connection settings (vb365:password among them). ${RULE}`,
      hint: "Run vb365 device-code --help for the flags.",
    });
    expect(report).to.not.have.property("userCode");
  });
});

describe("pulumi config set: the key after --", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-config-key-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("passes the key as an argument, never a flag, and the value on stdin", async () => {
    const fake = path.join(dir, "pulumi");
    fs.writeFileSync(fake, '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_FILE"\ncat > "$STDIN_FILE"\n', { mode: 0o755 });
    const env = { PATH: process.env.PATH, ARGS_FILE: path.join(dir, "args"), STDIN_FILE: path.join(dir, "stdin") };
    await new PulumiStack(fake, "prod", dir, env).setSecret("contoso:userCode", "ABCD-EFGH");
    expect(fs.readFileSync(env.ARGS_FILE, "utf8")).to.equal("config\nset\n--secret\n--stack\nprod\n--\ncontoso:userCode\n");
    expect(fs.readFileSync(env.STDIN_FILE, "utf8")).to.equal("ABCD-EFGH");
  });
});
