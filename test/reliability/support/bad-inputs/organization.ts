import type { OrganizationInputs } from "../../../../provider/organization/types";
import { basicInputs, existingApplicationInputs, legacyProtocolInputs, newApplicationInputs } from "../../../helpers/tenant-fixtures";
import type { BadInputCase, Fixtures } from "./case";

const TENANT = "contoso.onmicrosoft.com";

export interface OrganizationCase {
  inputs: Record<string, unknown>;
  /** vb365:apiVersion of the stack, when not v8. */
  apiVersion?: "v6" | "v7";
}

/** Bad Vb365Organization inputs; `secrets` are values that must never be echoed. */
export function organizationCases(fixtures: Fixtures, secrets: { accountPassword: string; applicationSecret: string }): Array<BadInputCase<OrganizationCase>> {
  const existing = (overrides: Partial<OrganizationInputs> | Record<string, unknown> = {}) => ({ inputs: { ...existingApplicationInputs(fixtures.pfx, TENANT), ...overrides } });
  const appOnly = () => ({ applicationCertificate: fixtures.pfx.pfxBase64, applicationCertificatePassword: fixtures.pfx.password });
  const legacy = legacyProtocolInputs(TENANT);
  const withSecrets = (settings: object) => ({ ...settings, password: secrets.accountPassword, applicationSecret: secrets.applicationSecret });
  return [
    { id: "region Mars", field: "region", valid: /Worldwide, Germany, China, USDefence, USGovernment/, input: () => existing({ region: "Mars" }) },
    { id: "no Microsoft 365 service", field: "isExchangeOnline", valid: /set isExchangeOnline or isSharePointOnline to true/, input: () => existing({ isExchangeOnline: false, isSharePointOnline: false }) },
    { id: "Teams without SharePoint", field: "isTeamsOnline", valid: /needs both isExchangeOnline and isSharePointOnline/, input: () => existing({ isTeamsOnline: true, isSharePointOnline: false }) },
    { id: "Exchange selected, its settings missing", field: "exchangeOnlineSettings", valid: /required when isExchangeOnline is true/, input: () => existing({ exchangeOnlineSettings: undefined }) },
    { id: "applicationId not a GUID", field: "exchangeOnlineSettings.applicationId", valid: /a GUID such as/, input: () => existing({ exchangeOnlineSettings: { ...appOnly(), applicationId: "my-app", account: `backup@${TENANT}` } }) },
    { id: "newApplicationName and applicationId", field: "applicationId", valid: /either newApplicationName .* or applicationId/, input: () => ({ inputs: newApplicationInputs(fixtures.pfx, "ABCDEFGHI", { exchangeOnlineSettings: { ...appOnly(), applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10" } }) }) },
    { id: "new application without a device code", field: "userCode", valid: /run `vb365 device-code`/, input: () => ({ inputs: newApplicationInputs(fixtures.pfx, "", { userCode: undefined }) }) },
    { id: "existing application, no account or organization", field: "account", valid: /account \(user@domain\) or officeOrganizationName is required/, input: () => existing({ exchangeOnlineSettings: { ...appOnly(), applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10" } }) },
    { id: "organizationName not a domain", field: "organizationName", valid: /such as contoso\.onmicrosoft\.com/, input: () => existing({ organizationName: "contoso" }) },
    { id: "unknown input isTeamsOnlne", field: "isTeamsOnlne", valid: /valid ones are .*isTeamsOnline.*Did you mean "isTeamsOnline"/, input: () => existing({ isTeamsOnlne: true }) },
    { id: "type OnPremises", field: "type", valid: /must be Office365/, input: () => existing({ type: "OnPremises" }) },
    { id: "applicationCertificate not base64", field: "exchangeOnlineSettings.applicationCertificate", valid: /base64 PFX/, input: () => existing({ exchangeOnlineSettings: { applicationCertificate: "not base64!", applicationCertificatePassword: "x", applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", account: `backup@${TENANT}` } }) },
    { id: "applicationCertificatePassword wrong", field: "exchangeOnlineSettings.applicationCertificate", valid: /password/i, input: () => existing({ exchangeOnlineSettings: { ...appOnly(), applicationCertificatePassword: "wrong-password-0", applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", account: `backup@${TENANT}` } }) },
    { id: "legacy protocols on v8", field: "useMfa", valid: /modern app-only authentication \(useApplicationOnlyAuth: true\)|vb365:apiVersion v7/, input: () => ({ inputs: { ...legacy, exchangeOnlineSettings: withSecrets(legacy.exchangeOnlineSettings!), sharePointOnlineSettings: withSecrets(legacy.sharePointOnlineSettings!) } }) },
    { id: "basic authentication outside China on v8", field: "useApplicationOnlyAuth", valid: /only in the China region/, input: () => ({ inputs: basicInputs(TENANT, { region: "Worldwide" }) }) },
    { id: "Teams chats with basic authentication", field: "isTeamsChatsOnline", valid: /useApplicationOnlyAuth: true/, input: () => ({ inputs: basicInputs(TENANT, { isTeamsChatsOnline: true }) }) },
    { id: "description on v6", field: "description", valid: /v7 or v8/, input: () => ({ ...existing({ description: "gold tier" }), apiVersion: "v6" }) },
    { id: "Exchange and SharePoint with different methods", field: "sharePointOnlineSettings", valid: /must use the same authentication method/, input: () => existing({ sharePointOnlineSettings: basicInputs(TENANT).sharePointOnlineSettings }) },
    { id: "officeOrganizationName not a domain", field: "officeOrganizationName", valid: /such as contoso\.onmicrosoft\.com/, input: () => existing({ sharePointOnlineSettings: { ...appOnly(), applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: "contoso" } }) },
    { id: "isTeamsOnline as text", field: "isTeamsOnline", valid: /true or false/, input: () => existing({ isTeamsOnline: "yes" }) },
  ];
}
