import { expect } from "chai";
import { describe, it } from "mocha";
import { type ConnectionSettings, resolveConnection, Vb365Client, Vb365ConfigError } from "../../../provider/client";
import { ConnectionPool } from "../../../provider/common/connection-pool";
import { RestoreOperatorRoleProvider } from "../../../provider/restore-operator-role/provider";
import type { RoleInputs } from "../../../provider/restore-operator-role/types";
import { stackConfig } from "../../helpers/organization-provider";

// Addresses of other machines are only ever strings here: nothing connects to them.
const credentials = { "vb365:username": "admin", "vb365:password": "pw" };

function resolve(config: Record<string, string>, env: NodeJS.ProcessEnv = {}): ConnectionSettings {
  const all: Record<string, string> = { ...credentials, ...config };
  return resolveConnection({ config: (key) => all[key], env });
}

/** What `work` wrote with console.warn, which is where a provider's warnings reach the engine. */
function consoleWarnings(work: () => void): string[] {
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.join(" "));
  try {
    work();
  } finally {
    console.warn = original;
  }
  return lines;
}

describe("plain http:// to the VB365 server", () => {
  it("is refused for another machine, naming the setting, what would be valid and the switch; this machine needs no switch", () => {
    expect(() => resolve({ "vb365:url": "http://10.0.0.5:4443" }))
      .to.throw(Vb365ConfigError)
      .with.property(
        "message",
        "vb365:url (or VB365_URL) is http://10.0.0.5:4443: plain http:// would send the VB365 password and tokens across the network unencrypted, " +
          "so it is only accepted for this machine (localhost, 127.0.0.0/8, ::1). Use https:// (https://10.0.0.5:4443), or, to send them unencrypted anyway, " +
          "set vb365:allowInsecureHttp (or VB365_ALLOW_INSECURE_HTTP) to true.",
      );
    expect(() => resolve({}, { VB365_URL: "http://vb365.example.invalid" })).to.throw("VB365_URL) is http://vb365.example.invalid: plain http://");
    expect(() => resolve({ "vb365:url": "http://[2001:db8::1]:4443" })).to.throw("is http://[2001:db8::1]:4443: plain http://");
    for (const url of ["http://127.0.0.1:4443", "http://127.1.2.3", "http://localhost:8080", "http://[::1]:4443"]) {
      expect(resolve({ "vb365:url": url }).url, url).to.equal(url);
    }
  });

  it("is refused for a named connection, naming its entry's keys", () => {
    const connections = JSON.stringify({ emea: { url: "http://192.0.2.1:4443", username: "e", password: "pe" } });
    expect(() => resolveConnection({ config: (key) => (key === "vb365:connections" ? connections : undefined), env: {} }, "emea"))
      .to.throw(Vb365ConfigError)
      .with.property("message")
      .that.matches(/^vb365:connections\.emea\.url is http:\/\/192\.0\.2\.1:4443: .* set vb365:connections\.emea\.allowInsecureHttp to true\.$/);
  });

  it("is accepted for another machine with vb365:allowInsecureHttp, VB365_ALLOW_INSECURE_HTTP=1 or the named connection's switch", () => {
    expect(resolve({ "vb365:url": "http://10.0.0.5:4443", "vb365:allowInsecureHttp": "true" })).to.deep.include({ url: "http://10.0.0.5:4443", allowInsecureHttp: true });
    expect(resolve({ "vb365:url": "http://10.0.0.5:4443" }, { VB365_ALLOW_INSECURE_HTTP: "1" }).allowInsecureHttp).to.equal(true);
    const connections = JSON.stringify({ emea: { url: "http://192.0.2.1:4443", username: "e", password: "pe", allowInsecureHttp: true } });
    expect(resolveConnection({ config: (key) => (key === "vb365:connections" ? connections : undefined), env: {} }, "emea").url).to.equal("http://192.0.2.1:4443");
    expect(() => resolve({ "vb365:url": "http://10.0.0.5", "vb365:allowInsecureHttp": "perhaps" })).to.throw(
      'vb365:allowInsecureHttp (or VB365_ALLOW_INSECURE_HTTP) must be true or false, not "perhaps".',
    );
  });

  it("warns once per process and server when allowed, and not for https:// or this machine", async () => {
    const allowed = resolve({ "vb365:url": "http://192.0.2.10:4443", "vb365:allowInsecureHttp": "true" });
    const clients: Vb365Client[] = [];
    const warnings = consoleWarnings(() => {
      clients.push(new Vb365Client(allowed), new Vb365Client(allowed));
      clients.push(new Vb365Client(resolve({ "vb365:url": "https://192.0.2.10:4443", "vb365:allowInsecureHttp": "true" })));
      clients.push(new Vb365Client(resolve({ "vb365:url": "http://127.0.0.1:4443" })));
    });
    await Promise.all(clients.map((client) => client.close()));
    expect(warnings).to.deep.equal([
      "vb365: plain HTTP to http://192.0.2.10:4443 is allowed (allowInsecureHttp): the VB365 password and tokens cross the network unencrypted. Use https:// instead.",
    ]);
  });

  it("is refused by the client too, for settings made by hand", () => {
    const byHand: ConnectionSettings = { url: "http://192.0.2.20:4443", username: "u", password: "p", apiVersion: "v8", insecureSkipVerify: false, timeoutMs: 1000, createTimeoutMs: 1000 };
    expect(() => new Vb365Client(byHand)).to.throw(Vb365ConfigError, "vb365:url is http://192.0.2.20:4443: plain http://");
  });

  it("stops a preview at check, on the resource's connection, before any request", async () => {
    const provider = new RestoreOperatorRoleProvider(new ConnectionPool());
    await provider.configure({ config: stackConfig({ ...credentials, "vb365:url": "http://192.0.2.30:4443" }) });
    const checked = await provider.check({} as RoleInputs, {} as RoleInputs);
    expect(checked.failures).to.have.length(1);
    expect(checked.failures![0]).to.deep.include({ property: "connection" });
    expect(checked.failures![0]!.reason).to.match(/^vb365:url \(or VB365_URL\) is http:\/\/192\.0\.2\.30:4443: plain http:\/\/ would send/);
  });
});
