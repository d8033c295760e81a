import { expect } from "chai";
import { describe, it } from "mocha";
import { redact, redactExchange } from "../../../emulator/redact";
import { RequestLog, type RequestLogEntry } from "../../../emulator/request-log";

function entry(status: number, routeKey = "GET /v8/Organizations"): Omit<RequestLogEntry, "seq"> {
  return { at: "", method: "GET", path: "/v8/Organizations", query: "", version: "v8", route: "/v8/Organizations", routeKey, kind: "organizations.list", status, user: null, durationMs: 1, fault: null };
}

describe("emulator request log", () => {
  it("keeps the latest entries only, but counts every request", () => {
    const log = new RequestLog(2);
    for (const status of [200, 200, 404]) log.record(entry(status));
    expect(log.list().map((item) => item.seq)).to.deep.equal([2, 3]);
    expect(log.counters()).to.deep.equal({ total: 3, byRoute: { "GET /v8/Organizations": 3 }, byKind: { "organizations.list": 3 }, byStatus: { "200": 2, "404": 1 } });
  });

  it("starts over when cleared", () => {
    const log = new RequestLog(10);
    log.record(entry(200));
    log.clear();
    expect(log.record(entry(200)).seq).to.equal(1);
    expect(log.counters().total).to.equal(1);
  });
});

describe("emulator redact", () => {
  it("replaces secrets at any depth and any key case, and leaves the rest", () => {
    const body = {
      grant_type: "password",
      Password: "p",
      exchangeOnlineSettings: { applicationCertificate: "MII", applicationCertificatePassword: "x", applicationSecret: "s", account: "a@b.c" },
      items: [{ assertion: "jwt" }],
      empty: { password: "" },
    };
    expect(redact(body)).to.deep.equal({
      grant_type: "password",
      Password: "[REDACTED]",
      exchangeOnlineSettings: { applicationCertificate: "[REDACTED]", applicationCertificatePassword: "[REDACTED]", applicationSecret: "[REDACTED]", account: "a@b.c" },
      items: [{ assertion: "[REDACTED]" }],
      empty: { password: "" },
    });
  });
});

describe("emulator redactExchange (the request log)", () => {
  it("redacts tokens and device codes under any spelling of their key, and their echoes elsewhere in either body", () => {
    const request = { grant_type: "refresh_token", Refresh_Token: "refresh-1111", nested: [{ deviceCode: "DEVCODE42", user_code: "USERCODE9" }] };
    const response = { accessToken: "access-2222", refreshToken: "refresh-3333", message: "enter USERCODE9, not refresh-1111", userName: "admin" };
    expect(redactExchange(request, response)).to.deep.equal([
      { grant_type: "refresh_token", Refresh_Token: "[REDACTED]", nested: [{ deviceCode: "[REDACTED]", user_code: "[REDACTED]" }] },
      { accessToken: "[REDACTED]", refreshToken: "[REDACTED]", message: "enter [REDACTED], not [REDACTED]", userName: "admin" },
    ]);
  });

  it("leaves values shorter than six characters where they are echoed, and keeps a __proto__ member a member", () => {
    const request = JSON.parse('{"password": "pw1", "description": "pw1 is short", "__proto__": {"password": "hidden-pw"}}') as unknown;
    const [redacted] = redactExchange(request, undefined);
    expect(JSON.stringify(redacted)).to.equal('{"password":"[REDACTED]","description":"pw1 is short","__proto__":{"password":"[REDACTED]"}}');
    expect(Object.getPrototypeOf(redacted)).to.equal(Object.prototype);
  });

  it("keeps a body that is not JSON only when it names no secret member", () => {
    expect(redactExchange("not json at all", undefined)[0]).to.equal("not json at all");
    expect(redactExchange('{"refresh-token": "abc"', undefined)[0]).to.equal("[REDACTED] (a body of 23 characters that is not JSON and names a secret member)");
  });
});
