import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, beforeEach, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../../emulator";
import { CliProcess, parseJsonOutput, runCli } from "../../helpers/cli";

describe("vb365 device-code against the emulator", function () {
  this.slow(5_000);
  let emulator: Emulator;
  let dir: string;
  let caFile: string;

  before(async () => {
    emulator = await startEmulator();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-cli-"));
    caFile = path.join(dir, "ca.pem");
    fs.writeFileSync(caFile, emulator.caPem!);
  });
  after(async () => {
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.reset());

  /** The connection from VB365_* variables, as a pipeline would set it. */
  function env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return { VB365_URL: emulator.url, VB365_USERNAME: DEFAULT_USER.name, VB365_PASSWORD: DEFAULT_USER.password, VB365_CA_FILE: caFile, ...extra };
  }

  /** Approves the code as soon as the command says it is waiting: the customer signs in mid-wait. */
  async function approveWhenWaiting(cli: CliProcess, organizationName = "contoso.onmicrosoft.com"): Promise<void> {
    await cli.waitForStderr(/Waiting for the customer to sign in/);
    emulator.approveDeviceCode(emulator.deviceCodes()[0].userCode, organizationName);
  }

  it("prints instructions to forward on stdout, and everything else on stderr", async () => {
    const result = await runCli(["device-code"], { env: env() });
    expect(result.code).to.equal(0);
    const [code] = emulator.deviceCodes();
    expect(result.stdout).to.include("a Global\nAdministrator of your organization needs to sign in once:");
    expect(result.stdout).to.include("1. Open https://microsoft.com/devicelogin in a web browser.");
    expect(result.stdout).to.include(`2. Enter the code: ${code.userCode}\n`);
    expect(result.stdout).to.match(/The code is valid until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(14 min 5\d s from now\)\./);
    expect(result.stderr).to.equal("Forward these instructions to the customer's Global Administrator:\n\n");
    expect(code.signedIn).to.equal(false);
  });

  it("waits with --wait --json until the customer signs in, and prints one JSON object", async () => {
    const cli = new CliProcess(["device-code", "--wait", "--interval", "200ms", "--json", "--region", "China"], { env: env() });
    await approveWhenWaiting(cli);
    const result = await cli.done;
    expect(result.code, result.stderr).to.equal(0);
    const report = parseJsonOutput(result.stdout);
    const [code] = emulator.deviceCodes();
    expect(report).to.deep.include({
      userCode: code.userCode,
      verificationUrl: "https://microsoft.com/deviceloginchina",
      region: "China",
      expiresIn: 900,
      authenticated: true,
    });
    expect(Date.parse(report.expiresAt as string) - Date.parse(report.issuedAt as string)).to.equal(900_000);
    expect(Date.parse(report.signedInAt as string)).to.be.below(Date.parse(report.expiresAt as string));
    expect(report).not.to.have.property("error");
    // Non-TTY stderr: the quiet form, a line at the start and one at the end.
    expect(result.stderr).to.include(`2. Enter the code: ${code.userCode}`);
    expect(result.stderr).to.match(/\nWaiting for the customer to sign in; the code is valid until .* UTC \(14 min 5\d s left\)\.\n/);
    expect(result.stderr).to.match(/\nSigned in\. The code can be used until .* UTC \(14 min 5\d s left\)\.\n$/);
    expect(result.stderr).not.to.include("\r");
    expect(result.stdout + result.stderr).not.to.include(DEFAULT_USER.password);
  });

  it("exits 6 when the code expires before the sign-in, saying to request a new one", async () => {
    emulator.configure({ deviceCodeLifetimeSeconds: 1 });
    const result = await runCli(["device-code", "--wait", "--interval", "200ms", "--json"], { env: env() });
    expect(result.code).to.equal(6);
    const report = parseJsonOutput(result.stdout);
    expect(report).to.deep.include({ authenticated: false, userCode: emulator.deviceCodes()[0].userCode });
    expect(report.error).to.deep.include({ code: "device_code_expired", exitCode: 6, hint: "Run vb365 device-code again for a new code." });
    expect(result.stderr).to.match(/vb365 device-code: The device code expired at .* UTC before anybody signed in with it\. Request a new code/);
  });

  it("exits 7 when --timeout passes first, while the code stays valid", async () => {
    const result = await runCli(["device-code", "--wait", "--interval", "200ms", "--timeout", "1s"], { env: env() });
    expect(result.code).to.equal(7);
    expect(result.stderr).to.match(/Nobody signed in with the device code within 1 s, the time allowed for the wait\. The code itself stays valid until/);
    expect(result.stderr).to.include("Allow a longer --timeout");
  });

  it("exits 3 on refused credentials, naming where they come from and never the password", async () => {
    const result = await runCli(["device-code", "--json"], { env: env({ VB365_PASSWORD: "Not-The-Passw0rd" }) });
    expect(result.code).to.equal(3);
    expect(result.stderr).to.include(`vb365 device-code: VB365 at ${emulator.url} refused the user name or password of admin (POST /v8/token answered 400).`);
    expect(result.stderr).to.include("Check --username (or VB365_USERNAME, or vb365:username) and the password in VB365_PASSWORD or the secret vb365:password.");
    expect(parseJsonOutput(result.stdout).error).to.deep.include({ code: "bad_credentials", exitCode: 3 });
    expect(result.stdout + result.stderr).not.to.include("Not-The-Passw0rd");
    expect(emulator.deviceCodes()).to.deep.equal([]);
  });

  it("exits 5 on an untrusted certificate, naming --ca-file, VB365_CA_FILE, vb365:caCertificate and --insecure", async () => {
    const result = await runCli(["device-code"], { env: env({ VB365_CA_FILE: undefined }) });
    expect(result.code).to.equal(5);
    expect(result.stderr).to.include(`The TLS certificate of ${emulator.url} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT), so nothing was sent to it.`);
    for (const option of ["--ca-file", "VB365_CA_FILE", "vb365:caCertificate", "--insecure"]) expect(result.stderr).to.include(option);
    expect(result.stdout).to.equal("");
  });

  it("trusts the server with --ca-file, or skips the check with --insecure and a warning", async () => {
    const trusted = await runCli(["device-code", "--ca-file", caFile], { env: env({ VB365_CA_FILE: undefined }) });
    expect(trusted.code, trusted.stderr).to.equal(0);
    const insecure = await runCli(["device-code", "--insecure"], { env: env({ VB365_CA_FILE: undefined }) });
    expect(insecure.code, insecure.stderr).to.equal(0);
    expect(insecure.stderr).to.include(`Warning: TLS certificate verification is off for ${emulator.url}. Trust the server with --ca-file instead.`);
  });

  it("exits 4 when nothing answers, naming --url", async () => {
    const result = await runCli(["device-code", "--url", "https://127.0.0.1:1"], { env: env() });
    expect(result.code).to.equal(4);
    expect(result.stderr).to.include("vb365 device-code: VB365 did not answer POST /v8/token: nothing answers at https://127.0.0.1:1 (connection refused).");
    expect(result.stderr).to.include("Check --url (or VB365_URL, or vb365:url");
  });

  it("takes the connection from flags over VB365_* variables", async () => {
    const result = await runCli(["device-code", "--url", emulator.url, "--username", DEFAULT_USER.name, "--api-version", "7"], {
      env: env({ VB365_URL: "https://127.0.0.1:1", VB365_USERNAME: "nobody", VB365_API_VERSION: "v6" }),
    });
    expect(result.code, result.stderr).to.equal(0);
    expect(emulator.requests().map((entry) => `${entry.method} ${entry.path}`)).to.deep.equal(["POST /v7/token", "POST /v7/DeviceCode"]);
  });

  it("reads VB365_API_VERSION when no flag says otherwise", async () => {
    const result = await runCli(["device-code"], { env: env({ VB365_API_VERSION: "v6" }) });
    expect(result.code, result.stderr).to.equal(0);
    expect(emulator.requests().map((entry) => entry.path)).to.deep.equal(["/v6/token", "/v6/DeviceCode"]);
  });

  it("exits 2 without a password and no terminal to ask on, and refuses a --password flag", async () => {
    const missing = await runCli(["device-code"], { env: env({ VB365_PASSWORD: undefined }) });
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include("No password for the VB365 user admin: set VB365_PASSWORD, or the secret vb365:password in a stack's config (with --stack).");
    const flag = await runCli(["device-code", "--password", "Secret-1"], { env: env() });
    expect(flag.code).to.equal(2);
    expect(flag.stderr).to.include("There is no --password flag");
    expect(emulator.requests()).to.deep.equal([]);
  });

  it("exits 2 on bad flags, with one JSON object under --json", async () => {
    const unknown = await runCli(["device-code", "--json", "--wiat"], { env: env() });
    expect(unknown.code).to.equal(2);
    expect(parseJsonOutput(unknown.stdout)).to.deep.equal({
      authenticated: false,
      error: { exitCode: 2, code: "usage", message: 'Unknown flag --wiat. Did you mean "--wait"?', hint: "Run vb365 device-code --help for the flags." },
    });
    const region = await runCli(["device-code", "--region", "Chna"], { env: env() });
    expect(region.code).to.equal(2);
    expect(region.stderr).to.include('not "Chna". Did you mean "China"?');
  });

  it("exits 130 when interrupted while waiting, saying until when the code stays valid", async () => {
    const cli = new CliProcess(["device-code", "--wait", "--interval", "200ms"], { env: env() });
    await cli.waitForStderr(/Waiting for the customer to sign in/);
    cli.child.kill("SIGINT");
    const result = await cli.done;
    expect(result.code).to.equal(130);
    expect(result.stderr).to.match(/vb365 device-code: Stopped waiting for the sign-in\. The code stays valid until .* UTC\.\n$/);
  });

  it("answers --help, --version and an unknown command", async () => {
    const help = await runCli(["device-code", "--help"]);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.match(/^Usage: vb365 device-code \[flags\]/);
    expect(help.stdout).to.include("6 code expired before sign-in");
    const main = await runCli(["--help"]);
    expect(main.stdout).to.include("device-code      Get a device code");
    const version = await runCli(["--version"]);
    expect(version.stdout).to.equal(`${JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")).version}\n`);
    const unknown = await runCli(["device-cod"]);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.equal('vb365: unknown command "device-cod". Did you mean "device-code"? Run vb365 --help for the commands.\n');
  });
});
