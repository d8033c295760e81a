import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { expect } from "chai";
import { afterEach, describe, it } from "mocha";
import type { CliIo } from "../../../cli/io";
import { main } from "../../../cli/main";
import { resolveConnection, Vb365ApiError, Vb365Client } from "../../../provider/client";
import { deviceCodeLogin } from "../../../provider/device-code";
import { type Answer, type EchoServer, formFields, type SeenRequest, startEchoServer, tokenGranted } from "../../helpers/echo-server";
import { rejection } from "../../helpers/rejection";
import { jsonEscaped, secretSpellings } from "../../helpers/secret-spellings";

/** A quote, a backslash and letters beyond ASCII: each is escaped differently by JSON, forms and URLs. */
const PASSWORD = 'Pä"ss\\wörd-Ω1';
const ACCESS_TOKEN = "access-token-1111";
const REFRESH_TOKEN = "refresh-token-2222";

describe("VB365 client: a server that quotes secrets back", () => {
  let server: EchoServer | undefined;
  let client: Vb365Client | undefined;

  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = server = undefined;
  });

  async function connect(answer: (request: SeenRequest) => Answer): Promise<Vb365Client> {
    server = await startEchoServer(answer);
    const config: Record<string, string> = { "vb365:url": server.url, "vb365:username": "admin", "vb365:password": PASSWORD };
    client = new Vb365Client(resolveConnection({ config: (key) => config[key], env: {} }), { retryPolicy: { maxRetries: 0, minDelayMs: 1, maxDelayMs: 1 } });
    return client;
  }

  it("redacts the password from a token error that echoes the form in error_description", async () => {
    const echoing = await connect((request) => ({ status: 400, body: { error: "invalid_grant", error_description: `The request ${request.body} was refused.` } }));
    const error = await rejection(echoing.listOrganizations());
    expect(error).to.be.instanceOf(Vb365ApiError);
    expect(error.message).to.equal(
      "VB365 POST /v8/token failed with 400: The request grant_type=password&username=admin&password=[secret]&disable_antiforgery_token=true was refused. " +
        "Check vb365:username and vb365:password (or VB365_USERNAME / VB365_PASSWORD). [invalid_grant]",
    );
  });

  it("redacts the password echoed decoded, JSON-escaped and in another case", async () => {
    const echoing = await connect(() => ({
      status: 400,
      body: { error: "invalid_grant", error_description: `As sent: ${PASSWORD}; as JSON: ${jsonEscaped(PASSWORD)}; shouted: ${PASSWORD.toUpperCase()}; quiet: ${PASSWORD.toLowerCase()}.` },
    }));
    const error = await rejection(echoing.listOrganizations());
    expect(error.message).to.equal(
      "VB365 POST /v8/token failed with 400: As sent: [secret]; as JSON: [secret]; shouted: [secret]; quiet: [secret]. " +
        "Check vb365:username and vb365:password (or VB365_USERNAME / VB365_PASSWORD). [invalid_grant]",
    );
  });

  it("redacts the refresh and access tokens a refused renewal echoes", async () => {
    let grants = 0;
    const echoing = await connect((request) => {
      if (request.path !== "/v8/token") return { status: 401, body: { message: "The token expired." } };
      const fields = formFields(request.body);
      if (grants++ === 0) return tokenGranted(ACCESS_TOKEN, REFRESH_TOKEN);
      if (fields.grant_type === "refresh_token") return { status: 400, body: { error: "invalid_grant", error_description: `The refresh token ${fields.refresh_token} was revoked.` } };
      return { status: 400, body: { error: "invalid_grant", error_description: `Refused after refresh token ${REFRESH_TOKEN} and access token ${ACCESS_TOKEN}.` } };
    });
    const error = await rejection(echoing.listOrganizations());
    expect(server!.requests.map((request) => `${request.method} ${request.path} ${formFields(request.body).grant_type ?? ""}`.trim())).to.deep.equal([
      "POST /v8/token password",
      "GET /v8/Organizations?offset=0&limit=10000",
      "POST /v8/token refresh_token",
      "POST /v8/token password",
    ]);
    expect(error.message).to.equal(
      "VB365 POST /v8/token failed with 400: Refused after refresh token [secret] and access token [secret]. " +
        "Check vb365:username and vb365:password (or VB365_USERNAME / VB365_PASSWORD). [invalid_grant]",
    );
  });

  it("redacts an application secret, a PFX and its password that a refused request's body carried, in the message and the error code", async () => {
    const settings = { applicationSecret: 'app"secret\\Ω', applicationCertificate: "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigEggokMIIKIDCC+/==", applicationCertificatePassword: "pfx-pässword" };
    const echoing = await connect((request) =>
      request.path === "/v8/token"
        ? tokenGranted(ACCESS_TOKEN, REFRESH_TOKEN)
        : { status: 400, body: { message: `Cannot add ${request.body} (${request.headers.authorization}).`, errorCode: `Refused ${settings.applicationCertificatePassword.toUpperCase()}` } },
    );
    const error = await rejection(echoing.createOrganization({ name: "contoso.onmicrosoft.com", exchangeOnlineSettings: settings }));
    expect(error.message).to.equal(
      'VB365 POST /v8/Organizations failed with 400: Cannot add {"name":"contoso.onmicrosoft.com","exchangeOnlineSettings":' +
        '{"applicationSecret":"[secret]","applicationCertificate":"[secret]","applicationCertificatePassword":"[secret]"}} (Bearer [secret]). [Refused [secret]]',
    );
    expect(error).to.deep.include({ method: "POST", path: "/v8/Organizations", status: 400 });
  });

  it("keeps VB365's error, redacted, for a refused create whose body carries a 60 KiB PFX and its password", async () => {
    const settings = { applicationCertificate: randomBytes(60 * 1024).toString("base64"), applicationCertificatePassword: "pfx-pässword" };
    const echoing = await connect((request) => (request.path === "/v8/token" ? tokenGranted(ACCESS_TOKEN, REFRESH_TOKEN) : { status: 400, body: { message: `Cannot add ${request.body}.` } }));
    const started = performance.now();
    const error = await rejection(echoing.createOrganization({ name: "contoso.onmicrosoft.com", exchangeOnlineSettings: settings }));
    const elapsedMs = performance.now() - started;
    expect(error).to.be.instanceOf(Vb365ApiError);
    expect(error).to.deep.include({ method: "POST", path: "/v8/Organizations", status: 400 });
    expect(error.message).to.equal(
      'VB365 POST /v8/Organizations failed with 400: Cannot add {"name":"contoso.onmicrosoft.com","exchangeOnlineSettings":' +
        '{"applicationCertificate":"[secret]","applicationCertificatePassword":"[secret]"}}.',
    );
    expect(elapsedMs, `${Math.round(elapsedMs)} ms`).to.be.below(1_000);
  });

  it("redacts an application secret that one request sent from the error of a later request", async () => {
    const applicationSecret = 'app"secret\\Ω-sent-once';
    let sentSettings = "";
    const echoing = await connect((request) => {
      if (request.path === "/v8/token") return tokenGranted(ACCESS_TOKEN, REFRESH_TOKEN);
      if (request.method === "PUT") {
        sentSettings = request.body;
        return { status: 204 };
      }
      return { status: 500, body: { message: `The organization's settings ${sentSettings} are broken.` } };
    });
    await echoing.updateOrganization("organization-1", { exchangeOnlineSettings: { applicationSecret } });
    const error = await rejection(echoing.listOrganizations());
    expect(error.message).to.equal(
      'VB365 GET /v8/Organizations?offset=0&limit=10000 failed with 500: The organization\'s settings {"exchangeOnlineSettings":{"applicationSecret":"[secret]"}} are broken.',
    );
  });

  it("redacts a device code the check echoes in another case from the device-code flow's error", async () => {
    const userCode = "ABCD-EFGH-1234";
    await connect((request) => {
      if (request.path === "/v8/token") return tokenGranted(ACCESS_TOKEN, REFRESH_TOKEN);
      if (request.path === "/v8/DeviceCode") return { status: 200, body: { userCode, verificationUrl: "https://microsoft.com/devicelogin", expiresIn: 900 } };
      return { status: 400, body: { message: `The code ${userCode.toLowerCase()} is not known.` } };
    });
    const error = await rejection(deviceCodeLogin({ client, pollIntervalMs: 1, onVerification: () => undefined }));
    expect(error.message).to.equal("VB365 POST /v8/DeviceCode/check failed with 400: The code [secret] is not known.");
  });

  it("keeps the password out of the CLI's output for such an error, on stderr and in --json", async () => {
    server = await startEchoServer((request) => ({ status: 403, body: { error: "access_denied", error_description: `Refused: ${request.body}` } }));
    let out = "";
    let err = "";
    const stdout = new PassThrough().setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    const stderr = new PassThrough().setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: { VB365_PASSWORD: PASSWORD, VB365_DEBUG: "1" }, cwd: process.cwd(), onInterrupt: () => () => undefined };
    const code = await main(["tenants", "export", "--url", server.url, "--username", "admin", "--json"], io);
    expect(code).to.equal(3);
    const message = "VB365 POST /v8/token failed with 403: Refused: grant_type=password&username=admin&password=[secret]&disable_antiforgery_token=true [access_denied]";
    expect(err.split("\n").slice(0, 2)).to.deep.equal([`vb365 tenants export: ${message}`, "The account logged in, but VB365 refused the request: it needs the rights to read organizations, jobs and repositories."]);
    expect(JSON.parse(out).error).to.deep.include({ code: "forbidden", message });
    for (const form of secretSpellings(PASSWORD)) {
      expect(err + out).not.to.contain(form);
    }
  });
});
