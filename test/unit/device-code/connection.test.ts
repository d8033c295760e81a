import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { ConnectionFlags } from "../../../cli/connection/flags";
import { commandConnection } from "../../../cli/connection/settings";
import { UsageError } from "../../../cli/usage-error";
import { rejection } from "../../helpers/rejection";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("vb365 device-code connection", () => {
  let dir: string;
  let caFile: string;
  const noFlags: ConnectionFlags = { insecure: false };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-connection-"));
    caFile = path.join(dir, "ca.pem");
    fs.writeFileSync(caFile, PEM);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function refusal(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("expected a refusal");
  }

  const env = { VB365_URL: "https://env:4443", VB365_USERNAME: "env-user", VB365_PASSWORD: "env-password", VB365_API_VERSION: "v6" };
  const stack = { "vb365:url": "https://stack:4443", "vb365:username": "stack-user", "vb365:password": "stack-password", "vb365:apiVersion": "v7" };

  it("takes flags first, then the stack's config, then VB365_* variables", async () => {
    expect(await commandConnection(noFlags, env, undefined)).to.deep.include({ url: "https://env:4443", username: "env-user", password: "env-password", apiVersion: "v6" });
    expect(await commandConnection(noFlags, env, stack)).to.deep.include({ url: "https://stack:4443", username: "stack-user", password: "stack-password", apiVersion: "v7" });
    const flags = { ...noFlags, url: "https://flag:4443", username: "flag-user", apiVersion: "v8" };
    expect(await commandConnection(flags, env, stack)).to.deep.include({ url: "https://flag:4443", username: "flag-user", password: "stack-password", apiVersion: "v8" });
  });

  it("fills gaps of the stack's config from the environment", async () => {
    expect(await commandConnection(noFlags, env, { "vb365:url": "https://stack:4443" })).to.deep.include({ url: "https://stack:4443", username: "env-user", password: "env-password" });
  });

  it("trusts --ca-file over vb365:caCertificate and VB365_CA_FILE, and --insecure over the config", async () => {
    const settings = await commandConnection({ ...noFlags, caFile }, { ...env, VB365_CA_FILE: "/nonexistent.pem" }, { ...stack, "vb365:caCertificate": "not used" });
    expect(settings.caCertificate).to.equal(PEM);
    expect((await commandConnection(noFlags, { ...env, VB365_CA_FILE: caFile }, undefined)).caCertificate).to.equal(PEM);
    expect((await commandConnection({ ...noFlags, insecure: true }, env, { ...stack, "vb365:insecureSkipVerify": "false" })).insecureSkipVerify).to.equal(true);
  });

  it("says what is wrong with --ca-file", async () => {
    expect(await refusal(commandConnection({ ...noFlags, caFile: path.join(dir, "missing.pem") }, env, undefined))).to.equal(
      `--ca-file ${path.join(dir, "missing.pem")} cannot be read: ENOENT.`,
    );
    const notPem = path.join(dir, "key.txt");
    fs.writeFileSync(notPem, "hello");
    expect(await refusal(commandConnection({ ...noFlags, caFile: notPem }, env, undefined))).to.match(/holds no PEM certificate/);
  });

  it("asks for the password only when neither the stack nor the environment has one", async () => {
    const asked: string[] = [];
    const ask = async (username: string, url: string) => {
      asked.push(`${username}@${url}`);
      return "typed-password";
    };
    expect((await commandConnection(noFlags, env, undefined, ask)).password).to.equal("env-password");
    const settings = await commandConnection(noFlags, { ...env, VB365_PASSWORD: undefined }, undefined, ask);
    expect(settings.password).to.equal("typed-password");
    expect(asked).to.deep.equal(["env-user@https://env:4443"]);
  });

  it("names the flag, the variable and the config key of whatever is missing", async () => {
    expect(await refusal(commandConnection(noFlags, {}, undefined))).to.equal(
      "No VB365 server given: pass --url https://<server>:4443, set VB365_URL, or vb365:url in a stack's config (with --stack).",
    );
    expect(await refusal(commandConnection(noFlags, { VB365_URL: "https://x" }, {}))).to.equal(
      "No VB365 user given: pass --username, set VB365_USERNAME, or vb365:username in the stack's config.",
    );
    const error = await rejection(commandConnection(noFlags, { ...env, VB365_PASSWORD: undefined }, undefined));
    expect(error).to.be.instanceOf(UsageError);
    expect((error as Error).message).to.equal(
      "No password for the VB365 user env-user: set VB365_PASSWORD, or the secret vb365:password in a stack's config (with --stack). " +
        "There is no password flag, so that it stays out of shell history; on a terminal, the command asks for it.",
    );
  });

  it("takes a named connection from vb365:connections, ignoring the environment", async () => {
    const connections = JSON.stringify({ eu: { url: "https://eu:4443", username: "eu-admin", password: "eu-password", apiVersion: "v7" } });
    const settings = await commandConnection({ ...noFlags, connection: "eu" }, env, { "vb365:connections": connections });
    expect(settings).to.deep.include({ url: "https://eu:4443", username: "eu-admin", password: "eu-password", apiVersion: "v7" });
    expect(await refusal(commandConnection({ ...noFlags, connection: "us" }, env, { "vb365:connections": connections }))).to.equal(
      'The connection "us" is not in vb365:connections; it defines "eu".',
    );
  });
});
