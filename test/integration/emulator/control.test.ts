import { expect } from "chai";
import { after, before, beforeEach, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { EmulatorClient, send, useEmulator } from "../../helpers/emulator";
import { contractViolations } from "../../helpers/emulator-contract";
import { existingApplicationBody, legacyBody, pfxFixture, registerCertificate, type PfxFixture } from "../../helpers/emulator-fixtures";

describe("emulator control surface", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));
  const control = (method: string, path: string, json?: unknown) => send(fixture.current, method, `/__emulator${path}`, json === undefined ? {} : { json });
  const capture = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as NodeJS.ErrnoException;
    }
    throw new Error("expected the request to fail");
  };

  // A second emulator over HTTPS for the one test that needs TLS sockets.
  let https: Emulator | undefined;
  const startHttps = async () => (https ??= await startEmulator({ recordBodies: true }));
  after(async () => {
    const violations = contractViolations(https?.requests() ?? []);
    await https?.close();
    expect(violations).to.deep.equal([]);
  });

  describe("faults", () => {
    it("answers 429 with Retry-After the given number of times, then serves normally", async () => {
      const client = await fixture.client("v8");
      const fault = fixture.current.injectFault({ method: "GET", route: "/Organizations", status: 429, retryAfterSeconds: 3, times: 2 });
      for (let attempt = 0; attempt < 2; attempt++) {
        const throttled = await client.get("/Organizations");
        expect(throttled.status).to.equal(429);
        expect(throttled.headers["retry-after"]).to.equal("3");
        expect(throttled.body).to.deep.equal({ message: "Too many requests. Retry later.", errorCode: "HttpError", stackTrace: null });
      }
      expect((await client.get("/Organizations")).status).to.equal(200);
      expect(fixture.current.faults()).to.deep.equal([{ ...fault, seen: 2, fired: 2, remaining: 0 }]);
    });

    it("answers 500 and 503 in the version's error shape, with a custom message", async () => {
      const client = await fixture.client("v6");
      fixture.current.injectFault({ kind: "organizations.list", status: 500, times: 1 });
      fixture.current.injectFault({ kind: "organizations.list", status: 503, message: "Service is starting." });
      expect((await client.get("/Organizations")).body).to.deep.equal({ message: "An internal server error occurred." });
      const unavailable = await client.get("/Organizations");
      expect(unavailable.status).to.equal(503);
      expect(unavailable.body).to.deep.equal({ message: "Service is starting." });
    });

    it("does not apply the change when it answers with a status", async () => {
      const client = await fixture.client("v8");
      fixture.current.injectFault({ kind: "organizations.create", status: 503, times: 1 });
      expect((await client.post("/Organizations", existingApplicationBody(pfx))).status).to.equal(503);
      expect(fixture.current.state().organizations).to.deep.equal([]);
    });

    it("resets the connection before the change is applied", async () => {
      const client = await fixture.client("v8");
      fixture.current.injectFault({ method: "POST", route: "/v8/Organizations", reset: "before", times: 1 });
      const error = await capture(client.post("/Organizations", existingApplicationBody(pfx)));
      expect(error.code).to.be.oneOf(["ECONNRESET", "EPIPE"]);
      expect(fixture.current.state().organizations).to.deep.equal([]);
      const [entry] = fixture.current.requests().filter((request) => request.kind === "organizations.create");
      expect(entry).to.include({ status: 0 });
      expect(entry!.fault!.action).to.equal("reset-before");
    });

    it("resets the connection after the change is applied", async () => {
      const client = await fixture.client("v8");
      fixture.current.injectFault({ kind: "organizations.create", reset: "after", times: 1 });
      const error = await capture(client.post("/Organizations", existingApplicationBody(pfx)));
      expect(error.code).to.be.oneOf(["ECONNRESET", "EPIPE"]);
      expect(fixture.current.state().organizations).to.have.length(1);
    });

    it("resets HTTPS connections too", async () => {
      const https = new EmulatorClient(await startHttps(), "v8");
      await https.login();
      https.emulator.injectFault({ kind: "organizations.list", reset: "before", times: 1 });
      const error = await capture(https.get("/Organizations"));
      expect(error.code).to.be.oneOf(["ECONNRESET", "EPIPE"]);
      expect((await https.get("/Organizations")).status).to.equal(200);
    });

    it("adds latency", async () => {
      const client = await fixture.client("v8");
      fixture.current.injectFault({ kind: "repositories.list", latencyMs: 150, times: 1 });
      const begin = performance.now();
      expect((await client.get("/BackupRepositories")).status).to.equal(200);
      expect(performance.now() - begin).to.be.at.least(140);
      expect(fixture.current.requests().at(-1)!.fault!.action).to.equal("latency");
    });

    it("skips the first matching requests, and matches by version", async () => {
      const v8 = await fixture.client("v8");
      const v7 = await fixture.client("v7");
      fixture.current.injectFault({ route: "/Organizations", versions: ["v8"], status: 500, skip: 1 });
      expect((await v8.get("/Organizations")).status).to.equal(200);
      expect((await v7.get("/Organizations")).status).to.equal(200);
      expect((await v8.get("/Organizations")).status).to.equal(500);
      expect((await v8.get("/Organizations")).status).to.equal(500);
    });

    it("can fault the token endpoint, and a 401 fault challenges like an expired login", async () => {
      fixture.current.injectFault({ kind: "token", status: 503, times: 1 });
      expect((await send(fixture.current, "POST", "/v8/token", { form: { grant_type: "password", username: "admin", password: "vb365-emulator" } })).status).to.equal(503);
      const client = await fixture.client("v8");
      fixture.current.injectFault({ kind: "organizations.get", status: 401, times: 1 });
      const refused = await client.get("/Organizations/11111111-1111-1111-1111-111111111111");
      expect(refused.status).to.equal(401);
      expect(refused.headers["www-authenticate"]).to.equal("Bearer");
    });

    it("is managed over HTTP: add, list, remove one, clear", async () => {
      const added = await control("POST", "/faults", { method: "DELETE", status: 503, times: 1 });
      expect(added.status).to.equal(201);
      expect(added.body).to.include({ method: "DELETE", status: 503, fired: 0, remaining: 1 });
      expect((await control("GET", "/faults")).body).to.have.length(1);
      expect((await control("DELETE", `/faults/${added.body.id}`)).status).to.equal(204);
      expect((await control("DELETE", `/faults/${added.body.id}`)).status).to.equal(404);
      await control("POST", "/faults", { latencyMs: 1 });
      expect((await control("DELETE", "/faults")).status).to.equal(204);
      expect(fixture.current.faults()).to.deep.equal([]);
    });

    it("refuses fault specs that make no sense", async () => {
      expect((await control("POST", "/faults", { method: "GET" })).body.message).to.equal("Invalid fault: A fault needs at least one of status, reset or latencyMs.");
      expect((await control("POST", "/faults", { status: 503, reset: "after" })).body.message).to.equal("Invalid fault: A fault cannot both answer with a status and reset the connection.");
      expect((await control("POST", "/faults", { status: 200 })).status).to.equal(400);
      expect(() => fixture.current.injectFault({ kind: "nope" as never, status: 500 })).to.throw(/^Invalid fault at kind/);
    });
  });

  describe("request log and counters", () => {
    it("records method, path, route, kind, status and user of every API call, not control calls", async () => {
      const client = await fixture.client("v8");
      await client.get("/Organizations?limit=5");
      await client.get("/Organizations/11111111-1111-1111-1111-111111111111");
      await control("GET", "/state");
      const entries = fixture.current.requests();
      expect(entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).to.deep.equal([
        "POST /v8/token 200",
        "GET /v8/Organizations 200",
        "GET /v8/Organizations/11111111-1111-1111-1111-111111111111 404",
      ]);
      expect(entries[1]).to.include({ route: "/v8/Organizations", routeKey: "GET /v8/Organizations", kind: "organizations.list", query: "limit=5", user: "admin", version: "v8" });
      expect(entries[0]!.user).to.equal("admin");
      expect(entries.map((entry) => entry.seq)).to.deep.equal([1, 2, 3]);
    });

    it("counts by route template, kind and status", async () => {
      const client = await fixture.client("v7");
      await client.get("/Organizations");
      await client.get("/Organizations");
      await client.get("/Organizations/11111111-1111-1111-1111-111111111111");
      await client.get("/Nope");
      expect(fixture.current.counters()).to.deep.equal({
        total: 5,
        byRoute: { "POST /v7/token": 1, "GET /v7/Organizations": 2, "GET /v7/Organizations/{organizationId}": 1, "GET /v7/Nope": 1 },
        byKind: { token: 1, "organizations.list": 2, "organizations.get": 1, unmatched: 1 },
        byStatus: { "200": 3, "404": 2 },
      });
      expect((await control("GET", "/counters")).body).to.deep.equal(fixture.current.counters());
    });

    it("resets counters and the log, over HTTP too", async () => {
      const client = await fixture.client("v8");
      fixture.current.resetCounters();
      await client.get("/Organizations");
      expect(fixture.current.counters().total).to.equal(1);
      expect((await control("DELETE", "/counters")).status).to.equal(204);
      expect(fixture.current.counters().total).to.equal(0);
      await client.get("/Organizations");
      expect((await control("DELETE", "/requests")).status).to.equal(204);
      expect((await control("GET", "/requests")).body).to.deep.equal([]);
    });

    it("keeps bodies when asked to, with secrets redacted", async () => {
      const client = await fixture.client("v8");
      await client.post("/Organizations", existingApplicationBody(pfx));
      const [login, create] = fixture.current.requests();
      expect(login!.requestBody).to.deep.equal({ grant_type: "password", username: "admin", password: "[REDACTED]" });
      const settings = (create!.requestBody as { exchangeOnlineSettings: Record<string, unknown> }).exchangeOnlineSettings;
      expect(settings).to.include({ applicationCertificate: "[REDACTED]", applicationCertificatePassword: "[REDACTED]" });
      expect((create!.responseBody as { name: string }).name).to.equal("contoso.onmicrosoft.com");
    });
  });

  describe("state, reset, settings, users, tokens and clock", () => {
    it("dumps the state with secrets redacted", async () => {
      const client = await fixture.client("v7");
      await client.post("/Organizations", legacyBody());
      await client.post("/DeviceCode", { targetRegion: "Worldwide" });
      const state = (await control("GET", "/state")).body;
      expect(state.versions).to.deep.equal(["v6", "v7", "v8"]);
      expect(state.users).to.deep.equal(["admin"]);
      expect(state.organizations[0]).to.include({ name: "fabrikam.onmicrosoft.com", authenticationKind: "modernWithLegacy" });
      expect(state.organizations[0].exchangeOnlineSettings).to.include({ hasPassword: true, hasApplicationSecret: true });
      expect(state.deviceCodes).to.have.length(1);
      expect(state.tokens).to.deep.equal({ access: 1, refresh: 1, activeAccess: 1 });
      expect(state.repositories).to.have.length(2);
      expect(JSON.stringify(state)).to.not.include("App-Passw0rd");
      expect({ ...fixture.current.state(), now: state.now }).to.deep.equal(state);
    });

    it("resets everything, over HTTP too", async () => {
      const client = await fixture.client("v8");
      await client.post("/Organizations", existingApplicationBody(pfx));
      fixture.current.injectFault({ latencyMs: 1 });
      fixture.current.configure({ tokenLifetimeSeconds: 5 });
      expect((await control("POST", "/reset")).status).to.equal(204);
      const state = fixture.current.state();
      expect(state.organizations).to.deep.equal([]);
      expect(state.applications, "Entra's registrations go too").to.deep.equal([]);
      expect(state.faults).to.deep.equal([]);
      expect(state.tokens.access).to.equal(0);
      expect(state.settings.tokenLifetimeSeconds).to.equal(3600);
      expect(fixture.current.requests()).to.deep.equal([]);
      expect((await client.get("/Organizations")).status, "tokens are gone after a reset").to.equal(401);
    });

    it("reads and changes settings over HTTP, refusing unknown ones", async () => {
      expect((await control("GET", "/settings")).body).to.deep.equal({
        tokenLifetimeSeconds: 3600,
        refreshTokenLifetimeSeconds: 1209600,
        deviceCodeLifetimeSeconds: 900,
        autoApproveDeviceCodesMs: null,
        autoApproveOrganizationName: "contoso.onmicrosoft.com",
        putSemantics: "merge",
        maxPageSize: null,
        silentPageCap: false,
        deleteWithJobs: "refuse",
        deleteWithRoles: "refuse",
        restorePortal: { isEnabled: false, applicationId: null, msalAuthorityUri: null, restorePortalUri: null },
        entraTrust: true,
      });
      const changed = await control("PATCH", "/settings", { autoApproveDeviceCodesMs: 0, autoApproveOrganizationName: "litware.onmicrosoft.com" });
      expect(changed.body).to.include({ autoApproveDeviceCodesMs: 0, autoApproveOrganizationName: "litware.onmicrosoft.com" });
      expect((await control("PATCH", "/settings", { tokenLifetime: 5 })).status).to.equal(400);
      expect((await control("PATCH", "/settings", { tokenLifetimeSeconds: -1 })).status).to.equal(400);
      expect((await control("PATCH", "/settings", { putSemantics: "replace", maxPageSize: 100, deleteWithJobs: "cascade", deleteWithRoles: "cascade" })).body).to.include({ putSemantics: "replace", maxPageSize: 100, deleteWithJobs: "cascade", deleteWithRoles: "cascade" });
      expect((await control("PATCH", "/settings", { deleteWithRoles: "keep" })).status).to.equal(400);
      expect((await control("PATCH", "/settings", { putSemantics: "patch" })).status).to.equal(400);
      expect((await control("PATCH", "/settings", { maxPageSize: 0 })).status).to.equal(400);
    });

    it("adds users", async () => {
      expect((await control("POST", "/users", { name: "svc-backup", password: "Secr3t!" })).status).to.equal(204);
      const client = new EmulatorClient(fixture.current, "v6");
      await client.login("svc-backup", "Secr3t!");
      expect((await control("POST", "/users", { name: "", password: "x" })).status).to.equal(400);
    });

    it("expires access tokens only: the refresh token still works", async () => {
      const login = await send(fixture.current, "POST", "/v8/token", { form: { grant_type: "password", username: "admin", password: "vb365-emulator" } });
      fixture.current.expireTokens("access");
      expect((await send(fixture.current, "GET", "/v8/Organizations", { headers: { authorization: `Bearer ${login.body.access_token}` } })).status).to.equal(401);
      const refreshed = await send(fixture.current, "POST", "/v8/token", { form: { grant_type: "refresh_token", refresh_token: login.body.refresh_token } });
      expect(refreshed.status).to.equal(200);
    });

    it("expires every token over HTTP: a new password login is needed", async () => {
      const login = await send(fixture.current, "POST", "/v8/token", { form: { grant_type: "password", username: "admin", password: "vb365-emulator" } });
      expect((await control("POST", "/tokens/expire", {})).status).to.equal(204);
      expect((await send(fixture.current, "POST", "/v8/token", { form: { grant_type: "refresh_token", refresh_token: login.body.refresh_token } })).status).to.equal(400);
      expect((await control("POST", "/tokens/expire", { which: "some" })).status).to.equal(400);
    });

    it("moves the clock forward over HTTP", async () => {
      const before = Date.now();
      const response = await control("POST", "/clock/advance", { ms: 3_600_000 });
      expect(Date.parse(response.body.now) - before).to.be.at.least(3_600_000);
      expect((await control("POST", "/clock/advance", { ms: -1 })).status).to.equal(400);
    });

    it("answers unknown control routes with 404 and wrong methods with 405", async () => {
      expect((await control("GET", "/nope")).status).to.equal(404);
      expect((await control("GET", "/reset")).status).to.equal(405);
      expect((await send(fixture.current, "POST", "/__emulator/faults", { raw: "{", contentType: "application/json" })).status).to.equal(400);
    });

    it("lists device codes over HTTP", async () => {
      const client = await fixture.client("v8");
      const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Germany" })).body;
      const codes = (await control("GET", "/device-codes")).body;
      expect(codes).to.have.length(1);
      expect(codes[0]).to.include({ userCode, region: "Germany", signedIn: false, expired: false, used: false, organizationName: null });
    });
  });
});
