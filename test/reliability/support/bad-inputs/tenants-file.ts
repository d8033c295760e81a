import type { BadInputCase } from "./case";

const APPLICATION_ID = "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a";

/** A valid tenant block, to be spoilt one field at a time. */
function tenant(fields: Record<string, string> = {}): string {
  const merged: Record<string, string> = {
    name: "contoso",
    organization: "contoso.onmicrosoft.com",
    services: "{ exchange: true, sharePoint: true, teams: false }",
    authentication: `{ kind: existingApplication, applicationId: ${APPLICATION_ID} }`,
    ...fields,
  };
  return `  - ${Object.entries(merged)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n    ")}\n`;
}

/** Bad tenants.yaml files; the program stops the preview on each before any resource exists. */
export function tenantsFileCases(): Array<BadInputCase<string>> {
  const file = (...tenants: string[]) => `tenants:\n${tenants.join("")}`;
  return [
    { id: "not YAML", field: "line 3", valid: /is not valid YAML/, input: () => "tenants:\n  - name: contoso\n   organization: [unclosed\n" },
    { id: "empty file", field: "tenants", valid: /must start with "tenants:"/, input: () => "" },
    { id: "tenants not a list", field: "tenants", valid: /list|array/i, input: () => "tenants: contoso\n" },
    { id: "no tenant at all", field: "tenants", valid: /at least one tenant/, input: () => "tenants: []\n" },
    { id: "name with capitals", field: "name", valid: /lower case letters, digits and dashes/, input: () => file(tenant({ name: "Contoso Ltd" })) },
    { id: "organization not a domain", field: "organization", valid: /e\.g\. contoso\.onmicrosoft\.com/, input: () => file(tenant({ organization: "contoso" })) },
    { id: "region Mars", field: "region", valid: /Worldwide, Germany, China, USDefence, USGovernment/, input: () => file(tenant({ region: "Mars" })) },
    { id: "authentication kind password", field: "authentication", valid: /"newApplication" .*"existingApplication" .*"basic" or "modernWithLegacy"/, input: () => file(tenant({ authentication: "{ kind: password }" })) },
    { id: "existing application without applicationId", field: "applicationId", valid: /is required/, input: () => file(tenant({ authentication: "{ kind: existingApplication }" })) },
    { id: "applicationId not a GUID", field: "applicationId", valid: /a GUID such as/, input: () => file(tenant({ authentication: "{ kind: existingApplication, applicationId: my-app }" })) },
    { id: "keySize 1024", field: "keySize", valid: /2048, 3072 or 4096/, input: () => file(tenant({ certificate: "{ keySize: 1024 }" })) },
    { id: "rotateBeforeDays not below validityDays", field: "rotateBeforeDays", valid: /less than validityDays/, input: () => file(tenant({ certificate: "{ validityDays: 30, rotateBeforeDays: 30 }" })) },
    { id: "no service selected", field: "services", valid: /exchange or sharePoint/, input: () => file(tenant({ services: "{ exchange: false, sharePoint: false, teams: false }" })) },
    { id: "Teams chats with a new application", field: "teamsChats", valid: /existingApplication/, input: () => file(tenant({ services: "{ teamsChats: true }", authentication: "{ kind: newApplication }" })) },
    { id: "misspelt field servics", field: "servics", valid: /did you mean "services"/, input: () => file(tenant({ servics: "{ exchange: true }" })) },
    { id: "the same name twice", field: "contoso", valid: /name|unique|twice|duplicate/i, input: () => file(tenant(), tenant({ organization: "fabrikam.onmicrosoft.com" })) },
    { id: "a confirmed thumbprint that is not one", field: "certificateRegistration.thumbprints", valid: /must be a certificate thumbprint \(SHA-1: 40 hex digits\), not "ABC"/, input: () => file(tenant({ certificateRegistration: "{ by: customer, thumbprints: [ABC] }" })) },
    { id: "an azuread registrar without its stack", field: "certificateRegistration.stack", valid: /is required with by: azuread/, input: () => file(tenant({ certificateRegistration: "{ by: azuread }" })) },
  ];
}
