import { expect } from "chai";
import { describe, it } from "mocha";
import { CliUsageError, parseCliOptions, type CliCommand } from "../../../emulator/cli-options";

function run(argv: string[], env: Record<string, string> = {}): Extract<CliCommand, { kind: "run" }> {
  const command = parseCliOptions(argv, env);
  if (command.kind !== "run") throw new Error("expected a run command");
  return command;
}

function usageError(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseCliOptions(argv, env);
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error("expected a usage error");
}

describe("vb365-emulator options", () => {
  it("has no options by default: port 0, loopback, HTTPS, every version, the default user", () => {
    expect(run([])).to.deep.equal({ kind: "run", options: {}, caFile: undefined, quiet: false });
  });

  it("reads every flag", () => {
    const command = run([
      "--port", "4443", "--host", "0.0.0.0", "--allow-remote", "--allowed-host", "vb365.internal", "--allowed-host", "[fd00::5]", "--http", "--versions", "v8, V7", "--user", "a:b", "--user", "DOMAIN\\c:d:e",
      "--auto-approve-device-codes", "1500", "--organization-name", "fabrikam.onmicrosoft.com", "--device-code-lifetime", "60",
      "--token-lifetime", "120", "--put-semantics", "Replace", "--max-page-size", "100", "--silent-page-cap", "--delete-with-jobs", "cascade",
      "--delete-with-roles", "Cascade", "--state-file", "state.json", "--ca-file", "ca.pem", "--quiet",
    ]);
    expect(command).to.deep.equal({
      kind: "run",
      options: {
        port: 4443,
        host: "0.0.0.0",
        allowRemote: true,
        allowedHosts: ["vb365.internal", "[fd00::5]"],
        http: true,
        versions: ["v8", "v7"],
        users: [{ name: "a", password: "b" }, { name: "DOMAIN\\c", password: "d:e" }],
        autoApproveDeviceCodesMs: 1500,
        autoApproveOrganizationName: "fabrikam.onmicrosoft.com",
        deviceCodeLifetimeSeconds: 60,
        tokenLifetimeSeconds: 120,
        putSemantics: "replace",
        maxPageSize: 100,
        silentPageCap: true,
        deleteWithJobs: "cascade",
        deleteWithRoles: "cascade",
        stateFile: "state.json",
      },
      caFile: "ca.pem",
      quiet: true,
    });
  });

  it("leaves Entra trust on by default and switches it off with --no-entra-trust or VB365_EMULATOR_ENTRA_TRUST=0", () => {
    expect(run([]).options).to.deep.equal({});
    expect(run(["--no-entra-trust"]).options).to.deep.equal({ entraTrust: false });
    expect(run([], { VB365_EMULATOR_ENTRA_TRUST: "0" }).options).to.deep.equal({ entraTrust: false });
    expect(run([], { VB365_EMULATOR_ENTRA_TRUST: "off" }).options).to.deep.equal({ entraTrust: false });
    expect(run(["--entra-trust"]).options).to.deep.equal({ entraTrust: true });
    expect(run([], { VB365_EMULATOR_ENTRA_TRUST: "1" }).options).to.deep.equal({ entraTrust: true });
    expect(run(["--entra-trust"], { VB365_EMULATOR_ENTRA_TRUST: "0" }).options).to.deep.equal({ entraTrust: true });
    expect(usageError(["--entra-trust", "--no-entra-trust"])).to.equal("--entra-trust and --no-entra-trust contradict each other; give one of them.");
    expect(usageError([], { VB365_EMULATOR_ENTRA_TRUST: "maybe" })).to.equal('VB365_EMULATOR_ENTRA_TRUST takes 1 (refuse untrusted certificates, the default) or 0 (accept them), not "maybe".');
    expect(usageError(["--no-entra-trust=yes"])).to.match(/no-entra-trust/);
  });

  it("falls back to environment variables, and flags win over them", () => {
    const env = {
      VB365_EMULATOR_PORT: "8443",
      VB365_EMULATOR_HOST: "localhost",
      VB365_EMULATOR_HTTP: "true",
      VB365_EMULATOR_VERSIONS: "v6",
      VB365_EMULATOR_USERS: "x:1,y:2",
      VB365_EMULATOR_AUTO_APPROVE_DEVICE_CODES: "0",
      VB365_EMULATOR_ORGANIZATION_NAME: "litware.onmicrosoft.com",
      VB365_EMULATOR_DEVICE_CODE_LIFETIME: "30",
      VB365_EMULATOR_TOKEN_LIFETIME: "90",
      VB365_EMULATOR_PUT_SEMANTICS: "replace",
      VB365_EMULATOR_MAX_PAGE_SIZE: "250",
      VB365_EMULATOR_SILENT_PAGE_CAP: "yes",
      VB365_EMULATOR_DELETE_WITH_JOBS: "refuse",
      VB365_EMULATOR_DELETE_WITH_ROLES: "cascade",
      VB365_EMULATOR_STATE_FILE: "/tmp/state.json",
      VB365_EMULATOR_CA_FILE: "/tmp/ca.pem",
      VB365_EMULATOR_QUIET: "1",
    };
    const command = run(["--port", "9443"], env);
    expect(command.options).to.include({ port: 9443, host: "localhost", http: true, autoApproveDeviceCodesMs: 0, tokenLifetimeSeconds: 90 });
    expect(command.options).to.include({ putSemantics: "replace", maxPageSize: 250, silentPageCap: true, deleteWithJobs: "refuse", deleteWithRoles: "cascade" });
    expect(command.options.users).to.deep.equal([{ name: "x", password: "1" }, { name: "y", password: "2" }]);
    expect(command).to.include({ caFile: "/tmp/ca.pem", quiet: true });
  });

  it("refuses a host beyond loopback unless --allow-remote or VB365_EMULATOR_ALLOW_REMOTE=1 says so", () => {
    const refusal = (host: string) =>
      `--host "${host}" is beyond loopback: anyone who can reach it could use the control API (/__emulator), which has no password. Listen on 127.0.0.1 (the default), or add --allow-remote (VB365_EMULATOR_ALLOW_REMOTE=1) to mean it.`;
    expect(usageError(["--host", "0.0.0.0"])).to.equal(refusal("0.0.0.0"));
    expect(usageError(["--host", "::"])).to.equal(refusal("::"));
    expect(usageError(["--host", "192.168.1.20"])).to.equal(refusal("192.168.1.20"));
    expect(usageError([], { VB365_EMULATOR_HOST: "0.0.0.0" })).to.equal(refusal("0.0.0.0"));
    expect(usageError(["--host", "0.0.0.0"], { VB365_EMULATOR_ALLOW_REMOTE: "0" })).to.equal(refusal("0.0.0.0"));
    expect(run(["--host", "0.0.0.0"], { VB365_EMULATOR_ALLOW_REMOTE: "1" }).options).to.deep.equal({ host: "0.0.0.0", allowRemote: true });
    for (const loopback of ["127.0.0.1", "127.0.0.2", "localhost", "localhost.", "::1", "::ffff:127.0.0.1"]) {
      expect(run(["--host", loopback]).options, loopback).to.deep.equal({ host: loopback });
    }
  });

  it("takes allowed host names from VB365_EMULATOR_ALLOWED_HOSTS, and refuses a URL or a port", () => {
    expect(run([], { VB365_EMULATOR_ALLOWED_HOSTS: "a.internal, b.internal" }).options).to.deep.equal({ allowedHosts: ["a.internal", "b.internal"] });
    expect(usageError(["--allowed-host", "https://a.internal:4443"])).to.equal(
      '--allowed-host takes a host name or address without scheme or port (for example vb365-emulator.internal), not "https://a.internal:4443".',
    );
  });

  it("ignores empty environment variables", () => {
    expect(run([], { VB365_EMULATOR_PORT: "", VB365_EMULATOR_HTTP: "0" }).options).to.deep.equal({});
  });

  it("explains bad values", () => {
    expect(usageError(["--port", "http"])).to.equal('--port must be a whole number, not "http".');
    expect(usageError(["--port", "70000"])).to.equal("--port must be between 0 and 65535, not 70000.");
    expect(usageError(["--versions", "v5,v8"])).to.equal('--versions takes a comma-separated list of v6, v7 and v8, not "v5,v8".');
    expect(usageError(["--user", "admin"])).to.equal('--user takes name:password (for example admin:secret), not "admin".');
    expect(usageError(["--token-lifetime", "0"])).to.equal("--token-lifetime must be between 1 and 9007199254740991, not 0.");
    expect(usageError([], { VB365_EMULATOR_PORT: "x" })).to.equal('--port must be a whole number, not "x".');
    expect(usageError(["--put-semantics", "patch"])).to.equal('--put-semantics takes merge or replace, not "patch".');
    expect(usageError(["--max-page-size", "0"])).to.equal("--max-page-size must be between 1 and 10000, not 0.");
    expect(usageError(["--delete-with-jobs", "force"])).to.equal('--delete-with-jobs takes refuse or cascade, not "force".');
    expect(usageError(["--delete-with-roles", "keep"])).to.equal('--delete-with-roles takes refuse or cascade, not "keep".');
    expect(usageError(["--nope"])).to.match(/Unknown option '--nope'/);
  });

  it("asks for help", () => {
    expect(parseCliOptions(["--help"], {})).to.deep.equal({ kind: "help" });
  });
});
