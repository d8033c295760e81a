import { expect } from "chai";
import { describe, it } from "mocha";
import { send, useEmulator } from "../../helpers/emulator";
import { newApplicationBody, pfxFixture } from "../../helpers/emulator-fixtures";

describe("emulator device codes", () => {
  const fixture = useEmulator({ http: true });

  for (const version of ["v6", "v7", "v8"] as const) {
    it(`issues a code per RESTDeviceCodeResponse on ${version}`, async () => {
      const client = await fixture.client(version);
      const response = await client.post("/DeviceCode", { targetRegion: "Worldwide" });
      expect(response.status).to.equal(200);
      expect(Object.keys(response.body)).to.deep.equal(["userCode", "verificationUrl", "expiresIn", "message"]);
      expect(response.body.userCode).to.match(/^[A-Z2-9]{9}$/);
      expect(response.body).to.include({ verificationUrl: "https://microsoft.com/devicelogin", expiresIn: 900 });
      expect(response.body.message).to.equal(
        `To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ${response.body.userCode} to authenticate.`,
      );
    });
  }

  it("binds targetRegion case-insensitively and points China to its own sign-in page", async () => {
    const client = await fixture.client("v8");
    const china = await client.post("/DeviceCode", { TargetRegion: "china" });
    expect(china.body.verificationUrl).to.equal("https://microsoft.com/deviceloginchina");
    expect(fixture.current.deviceCodes()[0]!.region).to.equal("China");
  });

  it("treats a null targetRegion as Worldwide", async () => {
    const client = await fixture.client("v7");
    expect((await client.post("/DeviceCode", { targetRegion: null })).status).to.equal(200);
    expect(fixture.current.deviceCodes()[0]!.region).to.equal("Worldwide");
  });

  it("refuses a region outside the enum, listing the valid ones", async () => {
    const client = await fixture.client("v8");
    const response = await client.post("/DeviceCode", { targetRegion: "USgovCommunity" });
    expect(response.status).to.equal(400);
    expect(response.body.message).to.equal(
      "The value \"USgovCommunity\" is not valid for 'targetRegion'. Valid values: Worldwide, Germany, China, USDefence, USGovernment.",
    );
    expect(response.body.errorCode).to.equal("ParameterValidationFailure");
  });

  it("needs a body", async () => {
    const client = await fixture.client("v8");
    const response = await client.post("/DeviceCode");
    expect(response.status).to.equal(400);
    expect(response.body.message).to.equal("The request body is required.");
  });

  it("accepts v8's loginGraphAppOrganizationId", async () => {
    const client = await fixture.client("v8");
    const response = await client.post("/DeviceCode", { targetRegion: "Worldwide", loginGraphAppOrganizationId: "11111111-2222-3333-4444-555555555555" });
    expect(response.status).to.equal(200);
    const invalid = await client.post("/DeviceCode", { loginGraphAppOrganizationId: "not-a-guid" });
    expect(invalid.status).to.equal(400);
  });

  it("reports authenticated: false until the customer signs in, then true", async () => {
    const client = await fixture.client("v8");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    expect((await client.post("/DeviceCode/check", { userCode })).body).to.deep.equal({ authenticated: false });
    const approved = fixture.current.approveDeviceCode(userCode, "contoso.onmicrosoft.com");
    expect(approved).to.include({ userCode, signedIn: true, organizationName: "contoso.onmicrosoft.com", used: false });
    expect((await client.post("/DeviceCode/check", { usercode: userCode.toLowerCase() })).body).to.deep.equal({ authenticated: true });
  });

  it("refuses to check an unknown code, or one that expired before anybody signed in", async () => {
    const client = await fixture.client("v6");
    const unknown = await client.post("/DeviceCode/check", { userCode: "NOPE12345" });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.message).to.equal("The device code 'NOPE12345' was not found. Request a new code with POST /DeviceCode.");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    fixture.current.advanceClock(900_000);
    const expired = await client.post("/DeviceCode/check", { userCode });
    expect(expired.status).to.equal(400);
    expect(expired.body.message).to.equal(`The device code '${userCode}' has expired. Request a new code with POST /DeviceCode.`);
  });

  it("requires userCode in a check", async () => {
    const client = await fixture.client("v8");
    const response = await client.post("/DeviceCode/check", {});
    expect(response.status).to.equal(400);
    expect(response.body.message).to.equal("'userCode' is required.");
  });

  it("uses the configured lifetime", async () => {
    fixture.current.configure({ deviceCodeLifetimeSeconds: 60 });
    const client = await fixture.client("v8");
    expect((await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body.expiresIn).to.equal(60);
  });

  it("approves through the control API over HTTP, with the default organization when none is named", async () => {
    const client = await fixture.client("v8");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    const response = await send(fixture.current, "POST", `/__emulator/device-codes/${userCode}/approve`, { json: {} });
    expect(response.status).to.equal(200);
    expect(response.body).to.include({ signedIn: true, organizationName: "contoso.onmicrosoft.com" });
    expect(response.body.tenantId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("refuses to approve unknown, expired or used codes, or a second organization", async () => {
    const emulator = fixture.current;
    const client = await fixture.client("v8");
    expect((await send(emulator, "POST", "/__emulator/device-codes/NOPE12345/approve", { json: {} })).status).to.equal(404);
    const first = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body.userCode;
    emulator.approveDeviceCode(first, "contoso.onmicrosoft.com");
    expect(() => emulator.approveDeviceCode(first, "contoso.onmicrosoft.com")).to.not.throw();
    expect(() => emulator.approveDeviceCode(first, "fabrikam.onmicrosoft.com")).to.throw("already signed in to contoso.onmicrosoft.com");
    const second = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body.userCode;
    emulator.advanceClock(900_000);
    const expired = await send(emulator, "POST", `/__emulator/device-codes/${second}/approve`, { json: { organizationName: "x.onmicrosoft.com" } });
    expect(expired.status).to.equal(409);
    expect(expired.body.message).to.equal(`Device code '${second}' has expired; it can no longer be signed in.`);
  });

  it("auto-approves codes after the configured delay, to the configured organization", async () => {
    const emulator = fixture.current;
    emulator.configure({ autoApproveDeviceCodesMs: 5_000, autoApproveOrganizationName: "tailspin.onmicrosoft.com" });
    const client = await fixture.client("v8");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    expect((await client.post("/DeviceCode/check", { userCode })).body.authenticated).to.equal(false);
    emulator.advanceClock(5_000);
    expect((await client.post("/DeviceCode/check", { userCode })).body.authenticated).to.equal(true);
    expect(emulator.deviceCodes()[0]).to.include({ organizationName: "tailspin.onmicrosoft.com" });
  });

  it("auto-approves in real time too", async () => {
    fixture.current.configure({ autoApproveDeviceCodesMs: 50 });
    const client = await fixture.client("v7");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await client.post("/DeviceCode/check", { userCode })).body.authenticated).to.equal(true);
  });

  it("never auto-approves a code whose delay outlasts it", async () => {
    fixture.current.configure({ autoApproveDeviceCodesMs: 1_000_000 });
    const client = await fixture.client("v8");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    fixture.current.advanceClock(1_000_000);
    expect((await client.post("/DeviceCode/check", { userCode })).status).to.equal(400);
  });

  it("lets a signed-in code add one organization only", async () => {
    const client = await fixture.client("v8");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    fixture.current.approveDeviceCode(userCode, "contoso.onmicrosoft.com");
    const pfx = pfxFixture();
    expect((await client.post("/Organizations", newApplicationBody(userCode, pfx))).status).to.equal(201);
    expect(fixture.current.deviceCodes()[0]!.used).to.equal(true);
    const again = await client.post("/Organizations", newApplicationBody(userCode, pfx));
    expect(again.status).to.equal(400);
    expect(again.body.message).to.equal(`The device code '${userCode}' has already been used. Request a new code with POST /DeviceCode.`);
  });
});
