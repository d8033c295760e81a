import { expect } from "chai";
import { describe, it } from "mocha";
import { EXIT } from "../../../cli/exit-codes";
import { describeFailure } from "../../../cli/failure";
import { InterruptedError } from "../../../cli/interrupted";
import { PulumiError, PulumiUpError } from "../../../cli/pulumi/errors";
import { UsageError } from "../../../cli/usage-error";
import { Vb365ApiError, Vb365ConfigError, Vb365ConnectionError } from "../../../provider/client";
import { Vb365DeviceCodeError } from "../../../provider/device-code";

const context = { url: "https://vb365:4443", username: "admin", stack: "prod" };
const expiresAt = new Date("2025-11-21T20:15:00Z");

describe("describeFailure", () => {
  it("gives each kind of failure its own exit code", () => {
    const cases: Array<[unknown, number]> = [
      [new UsageError("x"), 2],
      [new Vb365ConfigError("x"), 2],
      [new Vb365ApiError({ method: "POST", path: "/v8/token", status: 400 }, "bad_credentials"), 3],
      [new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode", status: 403 }), 3],
      [new Vb365ConnectionError("POST", "/v8/token", "unreachable", "x"), 4],
      [new Vb365ConnectionError("POST", "/v8/token", "timeout", "x"), 4],
      [new Vb365ConnectionError("POST", "/v8/token", "connection_reset", "x"), 4],
      [new Vb365ConnectionError("POST", "/v8/token", "tls_untrusted", "x"), 5],
      [Vb365DeviceCodeError.expired(expiresAt), 6],
      [Vb365DeviceCodeError.timedOut(60_000, expiresAt), 7],
      [new PulumiError("x"), 8],
      [new PulumiUpError("x", 255), 9],
      [Vb365DeviceCodeError.aborted(expiresAt), 130],
      [new InterruptedError("x"), 130],
      [new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode", status: 500 }), 1],
      [new Error("boom"), 1],
    ];
    for (const [error, exitCode] of cases) expect(describeFailure(error, context).exitCode, String(error)).to.equal(exitCode);
    expect(new Set(Object.values(EXIT)).size).to.equal(Object.keys(EXIT).length);
  });

  it("names every way to trust a server whose certificate is not trusted", () => {
    const cause = Object.assign(new Error("self-signed certificate"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    const failure = describeFailure(new Vb365ConnectionError("POST", "/v8/token", "tls_untrusted", "x", cause), context);
    expect(failure).to.deep.equal({
      exitCode: 5,
      code: "tls_untrusted",
      message: "The TLS certificate of https://vb365:4443 is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT), so nothing was sent to it.",
      hint:
        "Trust it with --ca-file <PEM file> (or VB365_CA_FILE, or vb365:caCertificate in the stack config): the CA's certificate, " +
        "or the server's own if it is self-signed. Only for a test server: --insecure skips the check.",
    });
  });

  it("keeps the first sentence of a connection failure and adds where the URL comes from", () => {
    const error = new Vb365ConnectionError("POST", "/v8/token", "timeout", "https://vb365:4443 did not answer within 60 s. Raise vb365:timeoutSeconds if the server is slow.");
    const failure = describeFailure(error, context);
    expect(failure.message).to.equal("VB365 did not answer POST /v8/token: https://vb365:4443 did not answer within 60 s.");
    expect(failure.hint).to.match(/^Check --url \(or VB365_URL, or vb365:url in the stack config/);
    expect(failure.hint).to.match(/raise VB365_TIMEOUT_SECONDS or vb365:timeoutSeconds\.$/);
  });

  it("says where the credentials come from when VB365 refuses them", () => {
    const failure = describeFailure(new Vb365ApiError({ method: "POST", path: "/v8/token", status: 400, veeamMessage: "nope" }, "bad_credentials"), context);
    expect(failure.message).to.equal("VB365 at https://vb365:4443 refused the user name or password of admin (POST /v8/token answered 400).");
    expect(failure.hint).to.match(/^Check --username \(or VB365_USERNAME, or vb365:username\) and the password in VB365_PASSWORD or the secret vb365:password\./);
  });

  it("tells how to retry a failed pulumi up with the code still valid", () => {
    expect(describeFailure(new PulumiUpError("pulumi up failed", 1), context).hint).to.equal(
      "If VB365 did not add the organization, the signed-in code can still be used: run pulumi up --stack prod again before it expires, " +
        "or run vb365 device-code again for a new code. A code that was used once is refused a second time.",
    );
  });

  it("never shows a stack trace for an unexpected error", () => {
    const failure = describeFailure(new TypeError("x is not a function"));
    expect(failure).to.deep.equal({
      exitCode: 1,
      code: "unexpected",
      message: "Unexpected error: x is not a function",
      hint: "Set VB365_DEBUG=1 to see where it happened, and report it.",
    });
  });
});
