import { expect } from "chai";
import { describe, it } from "mocha";
import { resolveConnection, Vb365ConfigError } from "../../../provider/client";

describe("vb365:url without a scheme", () => {
  const base = { "vb365:username": "u", "vb365:password": "p" };
  const resolve = (url: string) => resolveConnection({ config: (key) => ({ ...base, "vb365:url": url })[key], env: {} });

  it("asks for an absolute URL when host:port is given (which would parse with the host as its scheme)", () => {
    expect(() => resolve("vb365.example.com:4443"))
      .to.throw(Vb365ConfigError)
      .with.property("message", 'vb365:url (or VB365_URL) must be an absolute URL such as https://vb365.example.com:4443, not "vb365.example.com:4443".');
  });

  it("still names https:// for a URL with another scheme", () => {
    expect(() => resolve("ftp://vb365.example.com")).to.throw("must use https:// (or http:// for a local emulator), not ftp://");
  });

  it("accepts https:// and http:// URLs", () => {
    expect(resolve("https://vb365.example.com:4443").url).to.equal("https://vb365.example.com:4443");
    expect(resolve("http://127.0.0.1:8080/v8").url).to.equal("http://127.0.0.1:8080");
  });
});
