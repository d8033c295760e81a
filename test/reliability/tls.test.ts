import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER } from "../../emulator";
import { resolveConnection } from "../../provider/client";
import { deviceCodeLogin } from "../../provider/device-code";
import { results, type TlsResult } from "./support/results";
import { TlsStack } from "./support/tls-stack";

const HOW = ["vb365:caCertificate", "VB365_CA_FILE", "vb365:insecureSkipVerify"];

function recorded(result: TlsResult): void {
  results.tls.push(result);
  expect(result.namesSettings, result.message).to.equal(true);
}

describe("TLS: the emulator's self-signed certificate is refused until the stack trusts it", () => {
  let tls: TlsStack;

  before(async () => {
    tls = await TlsStack.start();
  });
  after(() => tls?.dispose());

  it("refuses it on pulumi up, saying how to trust it, before any request is answered", async () => {
    tls.emulator.resetCounters();
    const run = await tls.runner.up("TLS: up without trusting the certificate");
    const message = run.error ?? "";
    recorded({ case: "pulumi up, certificate not trusted", refused: !run.ok && /is not trusted/.test(message), message: message.split("\n")[0], namesSettings: HOW.every((setting) => message.includes(setting)) });
    expect(run.ok).to.equal(false);
    expect(tls.emulator.counters().total, "requests the emulator answered").to.equal(0);
    expect(tls.organizations()).to.equal(0);
  });

  it("refuses it in the device-code library too, saying how to trust it", async () => {
    const connection = resolveConnection({ config: (key) => ({ "vb365:url": tls.emulator.url, "vb365:username": DEFAULT_USER.name, "vb365:password": DEFAULT_USER.password })[key], env: {} });
    const error = await deviceCodeLogin({ connection, wait: false, onVerification: () => undefined }).catch((caught: Error) => caught);
    const message = error instanceof Error ? error.message : "";
    results.secrets.scan("TLS: device-code library", "CLI output", message);
    recorded({ case: "deviceCodeLogin, certificate not trusted", refused: /is not trusted/.test(message), message, namesSettings: HOW.every((setting) => message.includes(setting)) });
  });

  it("converges once VB365_CA_FILE names the certificate", async () => {
    tls.setCaFile(tls.caFile);
    const run = await tls.runner.up("TLS: up with VB365_CA_FILE");
    recorded({ case: "pulumi up, trusted by VB365_CA_FILE", refused: false, message: run.error ?? `${tls.organizations()} organizations added`, namesSettings: true, converged: run.ok && tls.organizations() === 2 });
    expect(run.ok, run.error).to.equal(true);
    expect(tls.organizations()).to.equal(2);
  });

  it("converges with vb365:insecureSkipVerify, and says on every run that verification is off", async () => {
    tls.setCaFile(undefined);
    await tls.stack.stack.setConfig("vb365:insecureSkipVerify", { value: "true" });
    await tls.stack.stack.setConfig("teams", { value: "true" });
    const run = await tls.runner.up("TLS: up with vb365:insecureSkipVerify");
    const warned = /TLS certificate verification is OFF/.test(run.output);
    recorded({ case: "pulumi up, vb365:insecureSkipVerify", refused: false, message: warned ? "warning: TLS certificate verification is OFF" : "no warning", namesSettings: warned, converged: run.ok && tls.emulator.state().organizations.every((o) => o.isTeamsOnline) });
    expect(run.ok, run.error).to.equal(true);
    expect(warned, run.output).to.equal(true);
  });
});
