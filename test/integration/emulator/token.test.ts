import { expect } from "chai";
import { describe, it } from "mocha";
import { ROUTES } from "../../../emulator/routes";
import { EmulatorClient, send, useEmulator } from "../../helpers/emulator";

const ADMIN = { username: "admin", password: "vb365-emulator" };

describe("emulator POST /vN/token", () => {
  const fixture = useEmulator({ http: true, users: [{ name: "admin", password: "vb365-emulator" }, { name: "TECH\\operator", password: "PassWord1" }] });
  const token = (version: string, form: Record<string, string>) => send(fixture.current, "POST", `/${version}/token`, { form });

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("issues a token pair for form-urlencoded credentials", async () => {
        const before = Date.now();
        const response = await token(version, { grant_type: "password", ...ADMIN });
        expect(response.status).to.equal(200);
        expect(response.body).to.include({ token_type: "bearer", expires_in: 3600, userName: "admin" });
        expect(response.body.access_token).to.be.a("string").with.length.above(20);
        expect(response.body.refresh_token).to.be.a("string").and.not.equal(response.body.access_token);
        const issued = Date.parse(response.body[".issued"]);
        expect(issued).to.be.within(before - 1000, Date.now() + 1000);
        expect(Date.parse(response.body[".expires"]) - issued).to.equal(3600_000);
        expect(response.headers["cache-control"]).to.equal("no-store");
      });

      it("issues a token pair for a JSON body", async () => {
        const response = await send(fixture.current, "POST", `/${version}/token`, { json: { grant_type: "password", ...ADMIN } });
        expect(response.status).to.equal(200);
      });

      it("refuses a wrong password with 400 invalid_grant and the version's error fields", async () => {
        const response = await token(version, { grant_type: "password", username: "admin", password: "nope" });
        expect(response.status).to.equal(400);
        expect(response.body).to.include({
          error: "invalid_grant",
          error_description: "The user name or password is incorrect.",
          message: "The user name or password is incorrect.",
        });
        expect(Object.keys(response.body)).to.deep.equal(
          version === "v6" ? ["error", "error_description", "message"] : version === "v7" ? ["error", "error_description", "message", "errorCode"] : ["error", "error_description", "message", "errorCode", "stackTrace"],
        );
      });

      it("refuses an unknown user the same way", async () => {
        const response = await token(version, { grant_type: "password", username: "ghost", password: "vb365-emulator" });
        expect(response.status).to.equal(400);
        expect(response.body.error).to.equal("invalid_grant");
      });

      it("rotates refresh tokens: each works once", async () => {
        const first = await token(version, { grant_type: "password", ...ADMIN });
        const refreshed = await token(version, { grant_type: "refresh_token", refresh_token: first.body.refresh_token });
        expect(refreshed.status).to.equal(200);
        expect(refreshed.body.refresh_token).to.not.equal(first.body.refresh_token);
        expect(refreshed.body.userName).to.equal("admin");
        const replayed = await token(version, { grant_type: "refresh_token", refresh_token: first.body.refresh_token });
        expect(replayed.status).to.equal(400);
        expect(replayed.body.error).to.equal("invalid_grant");
        const next = await token(version, { grant_type: "refresh_token", refresh_token: refreshed.body.refresh_token });
        expect(next.status).to.equal(200);
      });

      it("refuses any other route without a valid bearer with 401", async () => {
        const routes = ROUTES.filter((route) => !route.anonymous && route.versions.includes(version));
        for (const route of routes) {
          const path = `/${version}${route.path.replace(/\{\w+\}/g, "00000000-0000-0000-0000-000000000001")}`;
          const missing = await send(fixture.current, route.method, path);
          expect(missing.status, `${route.method} ${path} without a token`).to.equal(401);
          expect(missing.body.message).to.equal("Authorization has been denied for this request.");
          expect(missing.headers["www-authenticate"]).to.equal("Bearer");
          const forged = await send(fixture.current, route.method, path, { headers: { authorization: "Bearer forged" } });
          expect(forged.status, `${route.method} ${path} with a forged token`).to.equal(401);
        }
      });

      it("lets access tokens expire", async () => {
        const client = new EmulatorClient(fixture.current, version);
        await client.login();
        expect((await client.get("/Organizations")).status).to.equal(200);
        fixture.current.advanceClock(3600_000);
        const expired = await client.get("/Organizations");
        expect(expired.status).to.equal(401);
        expect(expired.headers["www-authenticate"]).to.equal('Bearer error="invalid_token", error_description="The access token has expired"');
      });

      it("accepts extra empty fields, as GRAFANA and ANON-PS send them", async () => {
        const response = await token(version, { grant_type: "password", ...ADMIN, refresh_token: "''", client_id: "", assertion: "", integration_token: "" });
        expect(response.status).to.equal(200);
      });

      it("treats a missing grant_type as password, the spec's default", async () => {
        expect((await token(version, ADMIN)).status).to.equal(200);
      });

      it("refuses grant types it does not know, and says which spec grants it does not emulate", async () => {
        const unknown = await token(version, { grant_type: "client_credentials" });
        expect(unknown.status).to.equal(400);
        expect(unknown.body).to.include({ error: "unsupported_grant_type", message: "The grant type 'client_credentials' is not supported." });
        const operator = await token(version, { grant_type: "operator", client_id: "a.b", assertion: "x" });
        expect(operator.body.message).to.equal("The emulator does not implement the grant type 'operator'.");
      });

      it("asks for the missing field of a grant", async () => {
        const response = await token(version, { grant_type: "password", username: "admin" });
        expect(response.status).to.equal(400);
        expect(response.body).to.include({ error: "invalid_request", message: "The password parameter is required." });
      });

      it("compares user names case-insensitively and passwords exactly", async () => {
        expect((await token(version, { grant_type: "password", username: "tech\\OPERATOR", password: "PassWord1" })).body.userName).to.equal("TECH\\operator");
        expect((await token(version, { grant_type: "password", username: "tech\\operator", password: "password1" })).status).to.equal(400);
      });

      it("refuses a media type other than form or JSON with 415", async () => {
        const response = await send(fixture.current, "POST", `/${version}/token`, { raw: "grant_type=password", contentType: "text/plain" });
        expect(response.status).to.equal(415);
      });
    });
  }

  it("knows the integration grant up to v7 only (SPEC8 removed it)", async () => {
    expect((await token("v7", { grant_type: "integration", integration_token: "x" })).body.message).to.equal("The emulator does not implement the grant type 'integration'.");
    expect((await token("v8", { grant_type: "integration", integration_token: "x" })).body.message).to.equal("The grant type 'integration' is not supported.");
  });

  it("accepts disable_antiforgery_token on v7 and v8, as a boolean or a \"true\" string", async () => {
    for (const version of ["v7", "v8"]) {
      expect((await token(version, { grant_type: "password", ...ADMIN, disable_antiforgery_token: "true" })).status).to.equal(200);
      const json = await send(fixture.current, "POST", `/${version}/token`, { json: { grant_type: "password", ...ADMIN, disable_antiforgery_token: true } });
      expect(json.status).to.equal(200);
      const bad = await token(version, { grant_type: "password", ...ADMIN, disable_antiforgery_token: "maybe" });
      expect(bad.status).to.equal(400);
      expect(bad.body.message).to.equal("The value \"maybe\" is not valid for 'disable_antiforgery_token': expected a boolean.");
    }
  });

  it("ignores disable_antiforgery_token on v6, whose spec does not have it", async () => {
    expect((await token("v6", { grant_type: "password", ...ADMIN, disable_antiforgery_token: "maybe" })).status).to.equal(200);
  });

  it("logs out on v7 (200) and v8 (204): the access and refresh tokens stop working", async () => {
    for (const [version, status] of [["v7", 200], ["v8", 204]] as const) {
      const login = await token(version, { grant_type: "password", ...ADMIN });
      const bearer = { authorization: `Bearer ${login.body.access_token}` };
      const logout = await send(fixture.current, "POST", `/${version}/token/logout`, { headers: bearer });
      expect(logout.status).to.equal(status);
      expect(logout.text).to.equal("");
      expect((await send(fixture.current, "GET", `/${version}/Organizations`, { headers: bearer })).status).to.equal(401);
      expect((await token(version, { grant_type: "refresh_token", refresh_token: login.body.refresh_token })).status).to.equal(400);
    }
  });

  it("has no logout on v6", async () => {
    const client = await fixture.client("v6");
    expect((await client.post("/token/logout")).status).to.equal(404);
  });

  it("lets refresh tokens expire after their own lifetime", async () => {
    const login = await token("v8", { grant_type: "password", ...ADMIN });
    fixture.current.advanceClock(14 * 24 * 3600_000);
    expect((await token("v8", { grant_type: "refresh_token", refresh_token: login.body.refresh_token })).status).to.equal(400);
  });

  it("uses the configured token lifetime", async () => {
    fixture.current.configure({ tokenLifetimeSeconds: 60 });
    const response = await token("v8", { grant_type: "password", ...ADMIN });
    expect(response.body.expires_in).to.equal(60);
  });
});
