import { expect } from "chai";
import { before, describe, it } from "mocha";
import { send, useEmulator } from "../../helpers/emulator";
import { newApplicationBody, pfxFixture, type PfxFixture } from "../../helpers/emulator-fixtures";

const PASSWORD = "Sup3r-Secret!pw";
const ASSERTION = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";

describe("emulator request log: recorded bodies keep no password, token or device code", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  const token = (version: string, options: Parameters<typeof send>[3]) => send(fixture.current, "POST", `/${version}/token`, options);

  it("redacts them in requests and responses of every route, as the control API shows the log", async () => {
    fixture.current.addUser("operator", PASSWORD);
    const login = await token("v8", { form: { grant_type: "password", username: "operator", password: PASSWORD } });
    const refreshed = await token("v8", { form: { grant_type: "refresh_token", refresh_token: login.body.refresh_token } });
    const viaJson = await token("v7", { raw: `{"username": "operator", // hand-written\n "Password": "${PASSWORD}",}`, contentType: "application/json" });
    await token("v8", { raw: `{"username": "operator", "password": "${PASSWORD}"`, contentType: "application/json" });
    await token("v6", { form: { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: ASSERTION } });
    const bearer = { authorization: `Bearer ${refreshed.body.access_token}` };
    const code = await send(fixture.current, "POST", "/v8/DeviceCode", { json: { targetRegion: "Worldwide" }, headers: bearer });
    const userCode = code.body.userCode as string;
    await send(fixture.current, "POST", "/v8/DeviceCode/check", { json: { userCode }, headers: bearer });
    const refused = await send(fixture.current, "POST", "/v8/Organizations", { json: newApplicationBody(userCode, pfx), headers: bearer });
    expect(refused.body.message, "the error echoes the code").to.include(userCode);
    await send(fixture.current, "POST", "/v8/token/logout", { headers: bearer });

    const log = (await send(fixture.current, "GET", "/__emulator/requests")).body as Array<{ kind: string; requestBody?: unknown; responseBody?: unknown }>;
    const secrets = {
      password: PASSWORD,
      assertion: ASSERTION,
      "first access token": login.body.access_token,
      "first refresh token": login.body.refresh_token,
      "second access token": refreshed.body.access_token,
      "second refresh token": refreshed.body.refresh_token,
      "JSON login's access token": viaJson.body.access_token,
      "user code": userCode,
    };
    const text = JSON.stringify(log);
    expect(Object.entries(secrets).filter(([, value]) => text.includes(value as string)).map(([label]) => label)).to.deep.equal([]);

    const [passwordLogin, refreshLogin, jsonLogin, brokenLogin, jwtLogin, deviceCode, check, organization] = log;
    expect(passwordLogin!.requestBody).to.deep.equal({ grant_type: "password", username: "operator", password: "[REDACTED]" });
    expect(passwordLogin!.responseBody).to.deep.include({ access_token: "[REDACTED]", refresh_token: "[REDACTED]", userName: "operator", token_type: "bearer" });
    expect(refreshLogin!.requestBody).to.deep.equal({ grant_type: "refresh_token", refresh_token: "[REDACTED]" });
    expect(jsonLogin!.requestBody).to.deep.equal({ username: "operator", Password: "[REDACTED]" });
    expect(brokenLogin!.requestBody).to.equal("[REDACTED] (a body of 54 characters that is not JSON and names a secret member)");
    expect(jwtLogin!.requestBody).to.deep.equal({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: "[REDACTED]" });
    expect(deviceCode!.responseBody).to.deep.include({ userCode: "[REDACTED]" });
    expect((deviceCode!.responseBody as { message: string }).message).to.include("enter the code [REDACTED] to authenticate");
    expect(check!.requestBody).to.deep.equal({ userCode: "[REDACTED]" });
    expect(organization!.requestBody).to.deep.include({ userCode: "[REDACTED]", newApplicationName: "My VB365 app" });
    expect((organization!.responseBody as { message: string }).message).to.equal("Nobody has signed in to Microsoft 365 with the device code '[REDACTED]' yet. Sign in, then retry.");
  });
});
