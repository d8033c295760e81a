import { expect } from "chai";
import { describe, it } from "mocha";
import { resolveConnection } from "../../../provider/client";
import { CONNECTION_CONFIG } from "../../../provider/client/config-keys";
import { configFailures, pluginConfig } from "../../../provider/plugin/config";
import { secret } from "../../../provider/plugin/secrets";

describe("the plugin's configuration", () => {
  it("answers vb365:<key> from the engine's args, secrets unmarked and maps as JSON, else from its variables", () => {
    const config = pluginConfig(
      { url: "https://vb365:4443", password: secret("pw"), insecureSkipVerify: true, timeoutSeconds: 30, connections: secret({ eu: { url: "https://eu" } }) },
      { "vb365:config:username": "svc", "vb365:config:url": "https://ignored" },
    );
    expect(["url", "username", "password", "insecureSkipVerify", "timeoutSeconds", "connections", "apiVersion"].map((key) => config.get(`vb365:${key}`))).to.deep.equal([
      "https://vb365:4443",
      "svc",
      "pw",
      "true",
      "30",
      '{"eu":{"url":"https://eu"}}',
      undefined,
    ]);
  });

  it("is the configuration a connection is resolved from: the keys resolveConnection reads are the schema's", () => {
    const asked = new Set<string>();
    resolveConnection({ config: (key) => (asked.add(key), { "vb365:url": "https://vb365:4443", "vb365:username": "svc", "vb365:password": "pw" })[key], env: {} });
    resolveConnection({ config: (key) => (asked.add(key), key === "vb365:connections" ? '{"eu":{"url":"https://eu:4443","username":"u","password":"p"}}' : undefined), env: {} }, "eu");
    expect([...asked].sort()).to.deep.equal(Object.keys(CONNECTION_CONFIG).map((key) => `vb365:${key}`).sort());
  });

  it("calls a key it does not know a mistake, naming the ones it has and the nearest", () => {
    expect(configFailures({ url: "x", version: "0.1.0", usernme: "svc" })).to.deep.equal([
      {
        property: "usernme",
        reason:
          'vb365:usernme is not a setting of the vb365 provider; its settings are vb365:url, vb365:username, vb365:password, vb365:apiVersion, vb365:caCertificate, vb365:insecureSkipVerify, vb365:timeoutSeconds, vb365:createTimeoutSeconds, vb365:allowInsecureHttp, vb365:connections. Did you mean "username"?',
      },
    ]);
  });
});
