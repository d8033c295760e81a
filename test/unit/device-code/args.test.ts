import { expect } from "chai";
import { describe, it } from "mocha";
import { parseDeviceCodeArgs } from "../../../cli/device-code/args";
import { parseDuration } from "../../../cli/duration";
import { UsageError } from "../../../cli/usage-error";

function usageError(argv: string[]): string {
  try {
    parseDeviceCodeArgs(argv);
  } catch (error) {
    expect(error).to.be.instanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected ${argv.join(" ")} to be refused`);
}

describe("vb365 device-code flags", () => {
  it("has safe defaults: Worldwide, no wait, no JSON, no stack", () => {
    expect(parseDeviceCodeArgs([])).to.deep.equal({
      help: false,
      url: undefined,
      username: undefined,
      apiVersion: undefined,
      caFile: undefined,
      insecure: false,
      connection: undefined,
      region: "Worldwide",
      wait: false,
      timeoutMs: undefined,
      intervalMs: undefined,
      json: false,
      stack: undefined,
      cwd: undefined,
      configKey: undefined,
      up: false,
      targets: [],
    });
  });

  it("reads every flag, normalises the region and API version, and lets --up imply --wait", () => {
    const args = parseDeviceCodeArgs([
      "--url=https://vb365:4443",
      "--username",
      "admin",
      "--api-version",
      "7",
      "--region",
      "usgovcommunity",
      "--timeout",
      "10m",
      "--interval",
      "2s",
      "--json",
      "-s",
      "prod",
      "-C",
      "infra",
      "--config-key",
      "contoso:userCode",
      "--up",
      "--target",
      "urn:a",
      "--target",
      "urn:b",
    ]);
    expect(args).to.deep.include({
      url: "https://vb365:4443",
      apiVersion: "v7",
      region: "USGovernment",
      wait: true,
      up: true,
      timeoutMs: 600_000,
      intervalMs: 2000,
      stack: "prod",
      cwd: "infra",
      configKey: "contoso:userCode",
      targets: ["urn:a", "urn:b"],
    });
  });

  it("refuses a password flag and says where the password goes instead", () => {
    for (const argv of [["--password", "x"], ["--password=x"], ["-p", "x"]]) {
      expect(usageError(argv)).to.equal(
        "There is no --password flag: a password on the command line ends up in shell history and process listings. " +
          "Set VB365_PASSWORD, or vb365:password as a secret in the stack config (with --stack), or run on a terminal to be asked for it.",
      );
    }
  });

  it("names unknown flags with a suggestion, missing values and switches given values", () => {
    expect(usageError(["--wiat"])).to.equal('Unknown flag --wiat. Did you mean "--wait"?');
    expect(usageError(["--config_key", "x"])).to.equal('Unknown flag --config_key. Did you mean "--config-key"?');
    expect(usageError(["--stack"])).to.equal("--stack needs a value.");
    expect(usageError(["--wait=yes"])).to.equal("--wait is a switch and takes no value.");
    expect(usageError(["now"])).to.equal('vb365 device-code takes no arguments, only flags; got "now".');
    expect(usageError(["--url", ""])).to.equal("--url needs a value, not an empty string.");
  });

  it("names the valid regions, API versions and durations", () => {
    expect(usageError(["--region", "Europe"])).to.equal(
      '--region must be one of Worldwide, Germany, China, USDefence, USGovernment (old spellings such as worldwide or USgovDefence are accepted), not "Europe".',
    );
    expect(usageError(["--api-version", "v9"])).to.equal('--api-version must be v6, v7 or v8, not "v9".');
    expect(usageError(["--wait", "--timeout", "soon"])).to.equal('--timeout must be a duration such as 90s, 10m or 1h30m, not "soon".');
    expect(usageError(["--wait", "--timeout", "500ms"])).to.equal('--timeout must be at least 1s, not "500ms".');
    expect(usageError(["--wait", "--interval", "10ms"])).to.equal('--interval must be at least 100ms, not "10ms".');
  });

  it("explains which flag another one needs", () => {
    expect(usageError(["--config-key", "k"])).to.equal("--config-key needs --stack <name>: the code is written into that stack's config.");
    expect(usageError(["--up", "--config-key", "k"])).to.equal("--config-key needs --stack <name>: the code is written into that stack's config.");
    expect(usageError(["--up", "--stack", "s"])).to.equal("--up needs --config-key <key>: the program reads the code from that config key.");
    expect(usageError(["--stack", "s", "--target", "urn"])).to.equal("--target needs --up: it is passed on to pulumi up.");
    expect(usageError(["--cwd", "dir"])).to.equal("--cwd needs --stack <name>: it is the directory of the Pulumi project (Pulumi.yaml) that holds the stack.");
    expect(usageError(["--timeout", "5m"])).to.equal("--timeout needs --wait: it limits the wait for the sign-in.");
    expect(usageError(["--connection", "eu"])).to.equal("--connection needs --stack <name>: the named connection is read from that stack's vb365:connections.");
  });

  it("refuses contradictory TLS and connection flags", () => {
    expect(usageError(["--insecure", "--ca-file", "ca.pem"])).to.match(/^--insecure and --ca-file contradict each other/);
    expect(usageError(["--stack", "s", "--connection", "eu", "--url", "https://x", "--insecure"])).to.equal(
      "--connection takes the whole connection from vb365:connections.eu in the stack config; drop --url, --insecure or --connection.",
    );
  });

  it("skips the combination checks for --help", () => {
    expect(parseDeviceCodeArgs(["--help", "--up"]).help).to.equal(true);
  });
});

describe("parseDuration", () => {
  it("reads plain seconds and Go-style units", () => {
    expect(parseDuration("90")).to.equal(90_000);
    expect(parseDuration("90s")).to.equal(90_000);
    expect(parseDuration("15m")).to.equal(900_000);
    expect(parseDuration("1h30m")).to.equal(5_400_000);
    expect(parseDuration("1m30s")).to.equal(90_000);
    expect(parseDuration("1.5s")).to.equal(1500);
    expect(parseDuration("250ms")).to.equal(250);
    expect(parseDuration(" 2M ")).to.equal(120_000);
  });

  it("returns undefined for anything else", () => {
    for (const text of ["", "m", "10 m", "-5s", "1d", "five", "10m-"]) expect(parseDuration(text), text).to.equal(undefined);
  });
});
