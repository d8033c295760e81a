import { expect } from "chai";
import { describe, it } from "mocha";
import { resolveConnection, Vb365ConfigError } from "../../../provider/client";

function source(config: Record<string, string>, env: Record<string, string> = {}) {
  return { config: (key: string) => config[key], env };
}

describe("resolveConnection", () => {
  it("reads the vb365: stack settings, with v8 as the default version", () => {
    const settings = resolveConnection(source({ "vb365:url": "https://vb365.example.com:4443/", "vb365:username": "svc", "vb365:password": "pw" }));
    expect(settings).to.deep.include({ url: "https://vb365.example.com:4443", username: "svc", password: "pw", apiVersion: "v8", insecureSkipVerify: false });
  });

  it("falls back to VB365_* variables read at call time", () => {
    const settings = resolveConnection(source({}, { VB365_URL: "http://127.0.0.1:1234/v7", VB365_USERNAME: "u", VB365_PASSWORD: "p", VB365_API_VERSION: "7" }));
    expect(settings).to.deep.include({ url: "http://127.0.0.1:1234", apiVersion: "v7" });
  });

  it("prefers stack config over the environment", () => {
    const settings = resolveConnection(source({ "vb365:url": "https://a:4443", "vb365:username": "u", "vb365:password": "p" }, { VB365_URL: "https://b:4443" }));
    expect(settings.url).to.equal("https://a:4443");
  });

  it("names every missing setting and how to set it", () => {
    expect(() => resolveConnection(source({ "vb365:url": "https://a:4443" })))
      .to.throw(Vb365ConfigError)
      .with.property("message")
      .that.contains("vb365:username (or VB365_USERNAME), vb365:password (or VB365_PASSWORD)");
  });

  it("rejects a bad version, URL or flag with the valid values", () => {
    const base = { "vb365:url": "https://a:4443", "vb365:username": "u", "vb365:password": "p" };
    expect(() => resolveConnection(source({ ...base, "vb365:apiVersion": "v9" }))).to.throw("must be one of v6, v7, v8");
    expect(() => resolveConnection(source({ ...base, "vb365:url": "vb365.example.com" }))).to.throw("must be an absolute URL");
    expect(() => resolveConnection(source({ ...base, "vb365:insecureSkipVerify": "maybe" }))).to.throw("must be true or false");
    expect(() => resolveConnection(source({ ...base, "vb365:caCertificate": "not a pem" }))).to.throw("PEM certificate");
  });

  it("resolves a named connection from vb365:connections", () => {
    const connections = JSON.stringify({ emea: { url: "https://emea:4443", username: "e", password: "pe", apiVersion: "v7" } });
    const settings = resolveConnection(source({ "vb365:connections": connections }), "emea");
    expect(settings).to.deep.include({ url: "https://emea:4443", username: "e", password: "pe", apiVersion: "v7" });
    expect(() => resolveConnection(source({ "vb365:connections": connections }), "apac")).to.throw('defines "emea"');
  });

  it("takes a named connection's own timeoutSeconds, and names it when it is bad", () => {
    const connections = (timeoutSeconds: unknown) => JSON.stringify({ emea: { url: "https://emea:4443", username: "e", password: "pe", timeoutSeconds } });
    expect(resolveConnection(source({ "vb365:connections": connections(3) }), "emea").timeoutMs).to.equal(3000);
    expect(resolveConnection(source({ "vb365:connections": connections("90") }), "emea").timeoutMs).to.equal(90_000);
    expect(() => resolveConnection(source({ "vb365:connections": connections("soon") }), "emea")).to.throw("vb365:connections.emea.timeoutSeconds");
  });

  it("waits 10 minutes for a create unless vb365:createTimeoutSeconds (or VB365_CREATE_TIMEOUT_SECONDS) says otherwise", () => {
    const base = { "vb365:url": "https://a:4443", "vb365:username": "u", "vb365:password": "p" };
    expect(resolveConnection(source(base))).to.deep.include({ timeoutMs: 60_000, createTimeoutMs: 600_000 });
    expect(resolveConnection(source({ ...base, "vb365:createTimeoutSeconds": "1200" })).createTimeoutMs).to.equal(1_200_000);
    expect(resolveConnection(source(base, { VB365_CREATE_TIMEOUT_SECONDS: "90" })).createTimeoutMs).to.equal(90_000);
    expect(() => resolveConnection(source({ ...base, "vb365:createTimeoutSeconds": "never" }))).to.throw(
      'vb365:createTimeoutSeconds (or VB365_CREATE_TIMEOUT_SECONDS) must be a number of seconds between 1 and 3600, not "never".',
    );
  });

  it("never puts the password in an error message", () => {
    const connections = JSON.stringify({ emea: { url: "nope", username: "e", password: "very-secret-pw" } });
    expect(() => resolveConnection(source({ "vb365:connections": connections }), "emea"))
      .to.throw(Vb365ConfigError)
      .with.property("message")
      .that.does.not.contain("very-secret-pw");
  });
});
