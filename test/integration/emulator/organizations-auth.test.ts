import { expect } from "chai";
import { before, beforeEach, describe, it } from "mocha";
import type { ApiVersion } from "../../../emulator";
import { useEmulator, type EmulatorClient } from "../../helpers/emulator";
import {
  APPLICATION_ID,
  basicBody,
  configuredApplicationBody,
  existingApplicationBody,
  legacyBody,
  newApplicationBody,
  pfxFixture,
  registerCertificate,
  signedInUserCode,
  type PfxFixture,
} from "../../helpers/emulator-fixtures";

// The request bodies of each authentication kind of vb365-api.md §4.3, accepted or refused as the
// notes say, on every version.

const CREATED: Record<ApiVersion, number> = { v6: 200, v7: 200, v8: 201 };

describe("emulator POST /vN/Organizations by authentication kind", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));

  const expectRefused = async (client: EmulatorClient, body: unknown, message: string) => {
    const response = await client.post("/Organizations", body);
    expect(response.status, response.text).to.equal(400);
    expect(response.body.message).to.equal(message);
    expect(fixture.current.state().organizations).to.deep.equal([]);
    return response;
  };

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("A: adds an organization with a new Entra application, named after the device-code sign-in", async () => {
        const client = await fixture.client(version);
        const userCode = await signedInUserCode(client, "fabrikam.onmicrosoft.com");
        const response = await client.post("/Organizations", newApplicationBody(userCode, pfx));
        expect(response.status, response.text).to.equal(CREATED[version]);
        expect(response.body).to.include({ type: "Office365", region: "Worldwide", name: "fabrikam.onmicrosoft.com", officeName: "fabrikam.onmicrosoft.com" });
        const exchange = response.body.exchangeOnlineSettings;
        expect(exchange).to.include({ useApplicationOnlyAuth: true, applicationCertificateThumbprint: pfx.thumbprint, officeOrganizationName: "fabrikam.onmicrosoft.com" });
        expect(exchange.applicationId).to.match(/^[0-9a-f-]{36}$/);
        expect(response.body.sharePointOnlineSettings.applicationId).to.equal(exchange.applicationId);
        expect(fixture.current.state().organizations[0]).to.include({ authenticationKind: "newApplication", newApplicationName: "My VB365 app" });
      });

      it("A: needs a userCode", async () => {
        const client = await fixture.client(version);
        const { userCode: _unused, ...body } = newApplicationBody("x", pfx);
        await expectRefused(client, body, "'userCode' is required with newApplicationName: request a code with POST /DeviceCode, sign in to Microsoft 365 with it, then send it here.");
      });

      it("A: needs the code to be signed in", async () => {
        const client = await fixture.client(version);
        const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
        await expectRefused(client, newApplicationBody(userCode, pfx), `Nobody has signed in to Microsoft 365 with the device code '${userCode}' yet. Sign in, then retry.`);
      });

      it("A: refuses an expired code, even a signed-in one", async () => {
        const client = await fixture.client(version);
        const userCode = await signedInUserCode(client);
        fixture.current.advanceClock(900_000);
        await client.login();
        await expectRefused(client, newApplicationBody(userCode, pfx), `The device code '${userCode}' has expired. Request a new code with POST /DeviceCode.`);
      });

      it("A: refuses a code nobody issued", async () => {
        const client = await fixture.client(version);
        await expectRefused(client, newApplicationBody("ABCDEFGHJ", pfx), "The device code 'ABCDEFGHJ' was not found. Request a new code with POST /DeviceCode.");
      });

      it("A: refuses newApplicationName together with an applicationId", async () => {
        const client = await fixture.client(version);
        const userCode = await signedInUserCode(client);
        const body = newApplicationBody(userCode, pfx);
        (body.exchangeOnlineSettings as Record<string, unknown>).applicationId = APPLICATION_ID;
        await expectRefused(client, body, "Set either newApplicationName (VB365 registers a new Microsoft Entra application) or 'exchangeOnlineSettings.applicationId' (an existing application), not both.");
      });

      it("A: refuses Teams chats, which need an existing application", async () => {
        const client = await fixture.client(version);
        const userCode = await signedInUserCode(client);
        await expectRefused(
          client,
          { ...newApplicationBody(userCode, pfx), isTeamsChatsOnline: true },
          "Backing up Teams chats (isTeamsChatsOnline) requires an existing Microsoft Entra application: VB365 cannot register a new one for it. Remove newApplicationName and set applicationId.",
        );
      });

      it("A: refuses a code obtained for another region", async () => {
        const client = await fixture.client(version);
        const userCode = await signedInUserCode(client, "contoso.onmicrosoft.com", "China");
        await expectRefused(client, newApplicationBody(userCode, pfx), `The device code '${userCode}' was requested for the China region, but the organization is in the Worldwide region.`);
      });

      it("B: configures an existing application with a signed-in code", async () => {
        const client = await fixture.client(version);
        const userCode = await signedInUserCode(client);
        const response = await client.post("/Organizations", configuredApplicationBody(userCode, pfx));
        expect(response.status, response.text).to.equal(CREATED[version]);
        expect(response.body.name).to.equal("contoso.onmicrosoft.com");
        expect(response.body.exchangeOnlineSettings).to.include({ applicationId: APPLICATION_ID, account: "backupuser@contoso.onmicrosoft.com" });
        expect(fixture.current.deviceCodes()[0]!.used).to.equal(true);
      });

      it("B: needs a userCode with configureApplication: true", async () => {
        const client = await fixture.client(version);
        const { userCode: _unused, ...body } = configuredApplicationBody("x", pfx);
        await expectRefused(client, body, "'userCode' is required with configureApplication: true: request a code with POST /DeviceCode, sign in to Microsoft 365 with it, then send it here.");
      });

      it("C: adds an existing application without a device code, named after officeOrganizationName", async () => {
        const client = await fixture.client(version);
        const response = await client.post("/Organizations", existingApplicationBody(pfx, "contoso.onmicrosoft.com"));
        expect(response.status, response.text).to.equal(CREATED[version]);
        expect(response.body).to.include({ name: "contoso.onmicrosoft.com", isTeamsChatsOnline: false });
        expect(response.body.sharePointOnlineSettings).to.deep.equal({
          useApplicationOnlyAuth: true,
          officeOrganizationName: "contoso.onmicrosoft.com",
          sharePointSaveAllWebParts: false,
          grantAdminAccess: false,
          useMfa: false,
          applicationId: APPLICATION_ID,
          applicationCertificateThumbprint: pfx.thumbprint,
        });
      });

      it("C: takes the organization from the account's domain when officeOrganizationName is absent", async () => {
        const client = await fixture.client(version);
        const body = existingApplicationBody(pfx);
        const response = await client.post("/Organizations", { ...body, isSharePointOnline: false, isTeamsOnline: false, sharePointOnlineSettings: undefined });
        expect(response.body.name).to.equal("contoso.onmicrosoft.com");
      });

      it("C: allows Teams chats with an existing application", async () => {
        const client = await fixture.client(version);
        const response = await client.post("/Organizations", { ...existingApplicationBody(pfx), isTeamsChatsOnline: true });
        expect(response.status).to.equal(CREATED[version]);
      });

      it("C: needs an applicationId", async () => {
        const client = await fixture.client(version);
        const body = existingApplicationBody(pfx);
        delete (body.exchangeOnlineSettings as Record<string, unknown>).applicationId;
        await expectRefused(client, body, "'exchangeOnlineSettings.applicationId' is required to use an existing Microsoft Entra application; to let VB365 register a new one, set newApplicationName and userCode instead.");
      });

      it("C: needs an account or officeOrganizationName", async () => {
        const client = await fixture.client(version);
        const body = existingApplicationBody(pfx);
        delete (body.exchangeOnlineSettings as Record<string, unknown>).account;
        await expectRefused(client, body, "'exchangeOnlineSettings.account' or 'exchangeOnlineSettings.officeOrganizationName' is required with an existing Microsoft Entra application, so that VB365 knows which Microsoft 365 organization to connect to.");
      });

      it("C: needs a certificate", async () => {
        const client = await fixture.client(version);
        const body = existingApplicationBody(pfx);
        delete (body.sharePointOnlineSettings as Record<string, unknown>).applicationCertificate;
        await expectRefused(client, body, "'sharePointOnlineSettings.applicationCertificate' is required for modern app-only authentication (useApplicationOnlyAuth: true): a base64 PFX with its applicationCertificatePassword.");
      });

      it("D: modern authentication with legacy protocols is " + (version === "v8" ? "refused on v8" : "accepted"), async () => {
        const client = await fixture.client(version);
        if (version === "v8") {
          await expectRefused(client, legacyBody(), "Veeam Backup for Microsoft 365 version 8 does not support adding new Microsoft 365 organizations using modern authentication method with legacy protocols allowed.");
          return;
        }
        const response = await client.post("/Organizations", legacyBody());
        expect(response.status, response.text).to.equal(200);
        expect(response.body.name).to.equal("fabrikam.onmicrosoft.com");
        expect(response.body.exchangeOnlineSettings).to.deep.equal({
          useApplicationOnlyAuth: false,
          account: "admin@fabrikam.onmicrosoft.com",
          grantAdminAccess: true,
          useMfa: true,
          applicationId: APPLICATION_ID,
        });
      });

      it("E: basic authentication is " + (version === "v8" ? "refused on v8 outside China" : "accepted"), async () => {
        const client = await fixture.client(version);
        if (version === "v8") {
          await expectRefused(client, basicBody(), "Adding Microsoft 365 organizations using basic authentication method is only available in Microsoft Entra China region through REST API and PowerShell.");
          return;
        }
        const response = await client.post("/Organizations", basicBody());
        expect(response.status, response.text).to.equal(200);
        expect(response.body.exchangeOnlineSettings).to.include({ useApplicationOnlyAuth: false, useMfa: false, useCustomVeeamAADApplication: true });
      });

      it("E: basic authentication is accepted in the China region", async () => {
        const client = await fixture.client(version);
        const response = await client.post("/Organizations", basicBody("contoso.partner.onmschina.cn", "China"));
        expect(response.status, response.text).to.equal(CREATED[version]);
        expect(response.body.region).to.equal("China");
      });

      it("E: needs the account's password", async () => {
        const client = await fixture.client(version);
        const body = basicBody("northwind.onmicrosoft.com", "China");
        delete (body.exchangeOnlineSettings as Record<string, unknown>).Password;
        await expectRefused(client, body, "'exchangeOnlineSettings.password' is required for basic authentication (useApplicationOnlyAuth: false, useMfa: false).");
      });

      it("refuses the same Microsoft 365 organization twice, whatever the case (409)", async () => {
        const client = await fixture.client(version);
        expect((await client.post("/Organizations", existingApplicationBody(pfx, "contoso.onmicrosoft.com"))).status).to.equal(CREATED[version]);
        const again = await client.post("/Organizations", existingApplicationBody(pfx, "CONTOSO.onmicrosoft.com"));
        expect(again.status).to.equal(409);
        expect(again.body.message).to.equal("The organization 'contoso.onmicrosoft.com' has already been added.");
        if (version === "v8") expect(again.body.errorCode).to.equal("OperationConflict");
        const userCode = await signedInUserCode(client, "contoso.onmicrosoft.com");
        expect((await client.post("/Organizations", newApplicationBody(userCode, pfx))).status).to.equal(409);
        expect(fixture.current.deviceCodes()[0]!.used, "a refused request does not use the code up").to.equal(false);
      });
    });
  }

  describe("D: modern authentication with legacy protocols", () => {
    it("is not supported in the China region", async () => {
      const client = await fixture.client("v7");
      await expectRefused(client, legacyBody("contoso.partner.onmschina.cn", "China"), "Modern authentication with legacy protocols allowed is not supported for the Microsoft Azure China region.");
    });

    it("needs an application secret or certificate", async () => {
      const client = await fixture.client("v7");
      const body = legacyBody();
      const settings = { ...(body.exchangeOnlineSettings as Record<string, unknown>), applicationSecret: undefined };
      await expectRefused(client, { ...body, exchangeOnlineSettings: settings, isSharePointOnline: false }, "'exchangeOnlineSettings.applicationSecret' or 'exchangeOnlineSettings.applicationCertificate' is required for modern authentication with legacy protocols allowed (useMfa: true).");
    });

    it("accepts the v3 doc's PascalCase keys and \"true\" strings", async () => {
      const client = await fixture.client("v6");
      const response = await client.post("/Organizations", {
        Type: "office365",
        Region: "worldwide",
        IsExchangeOnline: "true",
        ExchangeOnlineSettings: {
          account: "admin@litware.onmicrosoft.com",
          Password: "App-Passw0rd",
          useMfa: "true",
          grantAdminAccess: "true",
          useCustomVeeamAADApplication: "true",
          ApplicationId: APPLICATION_ID.toUpperCase(),
          ApplicationSecret: "secret",
        },
      });
      expect(response.status, response.text).to.equal(200);
      expect(response.body).to.include({ type: "Office365", region: "Worldwide", isExchangeOnline: true });
      expect(response.body.exchangeOnlineSettings).to.include({ useMfa: true, grantAdminAccess: true, applicationId: APPLICATION_ID });
    });
  });

  describe("certificates", () => {
    it("refuses a PFX that does not open with the given password, in .NET's words", async () => {
      const client = await fixture.client("v8");
      const body = existingApplicationBody(pfxFixture({ password: "right" }));
      (body.exchangeOnlineSettings as Record<string, unknown>).applicationCertificatePassword = "wrong";
      await expectRefused(client, body, "The certificate in 'exchangeOnlineSettings.applicationCertificate' cannot be used: The specified network password is not correct.");
    });

    it("refuses text that is not base64", async () => {
      const client = await fixture.client("v8");
      const body = existingApplicationBody(pfx);
      (body.sharePointOnlineSettings as Record<string, unknown>).applicationCertificate = "not base64!";
      await expectRefused(client, body, "The certificate in 'sharePointOnlineSettings.applicationCertificate' cannot be used: Invalid length for a Base-64 char array or string.");
    });

    it("refuses base64 that is not a PFX", async () => {
      const client = await fixture.client("v8");
      const body = existingApplicationBody(pfx);
      (body.exchangeOnlineSettings as Record<string, unknown>).applicationCertificate = Buffer.from("hello world").toString("base64");
      await expectRefused(client, body, "The certificate in 'exchangeOnlineSettings.applicationCertificate' cannot be used: The data is not a valid PFX (PKCS#12) file.");
    });

    it("refuses an expired certificate", async () => {
      const client = await fixture.client("v8");
      const response = await client.post("/Organizations", existingApplicationBody(pfxFixture({ expired: true })));
      expect(response.status).to.equal(400);
      expect(response.body.message).to.match(/^The certificate in 'exchangeOnlineSettings.applicationCertificate' cannot be used: The certificate expired on \d{4}-/);
    });

    it("refuses a PFX whose key does not belong to its certificate", async () => {
      const client = await fixture.client("v8");
      await expectRefused(client, existingApplicationBody(pfxFixture({ mismatchedKey: true })), "The certificate in 'exchangeOnlineSettings.applicationCertificate' cannot be used: The private key does not belong to the certificate.");
    });

    it("echoes the SHA-1 thumbprint and never a secret", async () => {
      const client = await fixture.client("v7");
      const response = await client.post("/Organizations", legacyBody());
      const created = await client.post("/Organizations", existingApplicationBody(pfx));
      for (const text of [response.text, created.text, (await client.get("/Organizations")).text, JSON.stringify(fixture.current.state())]) {
        for (const secret of [pfx.base64.slice(0, 40), pfx.password, "App-Passw0rd", "s3cr3t-value"]) expect(text).to.not.include(secret);
      }
      expect(created.body.exchangeOnlineSettings.applicationCertificateThumbprint).to.match(/^[0-9A-F]{40}$/).and.equal(pfx.thumbprint);
      expect(fixture.current.state().organizations[0]!.exchangeOnlineSettings).to.include({ hasPassword: true, hasApplicationSecret: true });
    });
  });

  describe("binding and cross-cutting rules", () => {
    it("binds enum values case-insensitively and reports invalid ones with the valid values", async () => {
      const client = await fixture.client("v8");
      const response = await client.post("/Organizations", { ...existingApplicationBody(pfx), region: "Mars" });
      expect(response.status).to.equal(400);
      expect(response.body.message).to.equal("The value \"Mars\" is not valid for 'region'. Valid values: Worldwide, Germany, China, USDefence, USGovernment.");
      expect((await client.post("/Organizations", { ...existingApplicationBody(pfx), type: "OFFICE365", region: "worldwide" })).status).to.equal(201);
    });

    it("refuses a boolean it cannot read", async () => {
      const client = await fixture.client("v8");
      const response = await client.post("/Organizations", { ...existingApplicationBody(pfx), isExchangeOnline: "yes" });
      expect(response.body.message).to.equal("The value \"yes\" is not valid for 'isExchangeOnline': expected a boolean.");
    });

    it("refuses a body that is not JSON, or not an object", async () => {
      const client = await fixture.client("v8");
      const broken = await client.request("POST", "/Organizations", { raw: "{", contentType: "application/json" });
      expect(broken.status).to.equal(400);
      expect(broken.body.message).to.match(/^The request body is not valid JSON: /);
      expect((await client.post("/Organizations", [1, 2])).body.message).to.equal("The value [1,2] is not valid for the request body: expected an object.");
      expect((await client.request("POST", "/Organizations", { form: { type: "Office365" } })).status).to.equal(415);
    });

    it("ignores read-only and unknown properties, as .NET does", async () => {
      const client = await fixture.client("v8");
      const response = await client.post("/Organizations", { ...existingApplicationBody(pfx), id: "00000000-0000-0000-0000-000000000000", name: "ignored", somethingElse: 1 });
      expect(response.status).to.equal(201);
      expect(response.body.id).to.not.equal("00000000-0000-0000-0000-000000000000");
      expect(response.body.name).to.equal("contoso.onmicrosoft.com");
    });

    it("needs at least one Microsoft 365 service", async () => {
      const client = await fixture.client("v8");
      await expectRefused(client, { ...existingApplicationBody(pfx), isExchangeOnline: false, isSharePointOnline: false, isTeamsOnline: false }, "Select at least one Microsoft 365 service: set isExchangeOnline or isSharePointOnline to true.");
    });

    it("needs both Exchange and SharePoint for Teams", async () => {
      const client = await fixture.client("v8");
      await expectRefused(client, { ...existingApplicationBody(pfx), isSharePointOnline: false }, "Backing up Microsoft Teams (isTeamsOnline) requires both isExchangeOnline and isSharePointOnline to be true.");
    });

    it("needs the settings of each selected service", async () => {
      const client = await fixture.client("v8");
      await expectRefused(client, { ...existingApplicationBody(pfx), sharePointOnlineSettings: null }, "'sharePointOnlineSettings' is required when isSharePointOnline is true.");
    });

    it("needs Exchange and SharePoint to use the same authentication method", async () => {
      const client = await fixture.client("v7");
      const body = existingApplicationBody(pfx);
      await expectRefused(client, { ...body, sharePointOnlineSettings: legacyBody().sharePointOnlineSettings }, "exchangeOnlineSettings and sharePointOnlineSettings must use the same authentication method (the same useApplicationOnlyAuth and useMfa).");
    });

    it("refuses Teams chats without app-only authentication", async () => {
      const client = await fixture.client("v7");
      await expectRefused(client, { ...legacyBody(), isTeamsChatsOnline: true }, "Backing up Teams chats (isTeamsChatsOnline) requires modern app-only authentication (useApplicationOnlyAuth: true).");
    });

    it("adds a minimal on-premises organization", async () => {
      const client = await fixture.client("v7");
      const response = await client.post("/Organizations", {
        type: "OnPremises",
        isExchange: true,
        exchangeSettings: { serverName: "exch01.corp.local", username: "CORP\\backup", password: "pw", useSSL: true, grantImpersonation: true },
      });
      expect(response.status, response.text).to.equal(200);
      expect(response.body).to.include({ type: "OnPremises", name: "CORP", isExchange: true });
      expect(response.body.exchangeSettings).to.deep.equal({ serverName: "exch01.corp.local", username: "CORP\\backup", useSSL: true, grantImpersonation: true });
      const missing = await client.post("/Organizations", { type: "OnPremises", isSharepoint: true, sharepointSettings: { serverName: "sp01" } });
      expect(missing.body.message).to.equal("'sharepointSettings.username' is required.");
    });
  });
});
