import type * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../client";
import { isUnknown } from "../common/check";
import { type Service, SERVICES } from "./definition";
import { deviceCodeNameReason, usesDeviceCodeWithoutName } from "./identity";
import { modeOf, type OrganizationPlan, selectedServices } from "./plan";
import type { AuthenticationKind, ServiceConnectionSettings } from "./types";

type Failure = pulumi.dynamic.CheckFailure;

/**
 * The authentication kinds of VB365 (vb365-api.md §4.3) and what each needs, checked at preview
 * so that a bad combination never reaches the server. The same rules the server applies, in
 * the user's terms: every failure names the input to change.
 */
export function checkRules(plan: OrganizationPlan, apiVersion: ApiVersion | undefined): Failure[] {
  const { inputs, kind } = plan;
  const failures: Failure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });

  if (!inputs.isExchangeOnline && !inputs.isSharePointOnline) {
    fail("isExchangeOnline", "Select at least one Microsoft 365 service: set isExchangeOnline or isSharePointOnline to true.");
    return failures;
  }
  if (inputs.isTeamsOnline && !(inputs.isExchangeOnline && inputs.isSharePointOnline)) {
    fail("isTeamsOnline", "Backing up Teams (isTeamsOnline) needs both isExchangeOnline and isSharePointOnline set to true.");
  }
  for (const service of selectedServices(inputs)) {
    if (!inputs[service]) fail(service, `${service} is required when ${SERVICES[service]} is true.`);
  }
  if (failures.length) return failures;

  const modes = new Set(plan.declared.map((service) => modeOf(service.settings)));
  if (modes.size > 1) {
    fail("sharePointOnlineSettings", "exchangeOnlineSettings and sharePointOnlineSettings must use the same authentication method (the same useApplicationOnlyAuth and useMfa).");
    return failures;
  }
  const mode = [...modes][0];
  if (inputs.isTeamsChatsOnline && mode !== "applicationOnly") {
    fail("isTeamsChatsOnline", "Backing up Teams chats (isTeamsChatsOnline) needs modern app-only authentication (useApplicationOnlyAuth: true).");
  }
  if (inputs.description !== undefined && apiVersion === "v6") {
    fail("description", "description is supported from VB365 REST API v7 on; remove it or set vb365:apiVersion to v7 or v8.");
  }
  const keep = inputs.keepServerCredentials === true;
  for (const { service, settings } of plan.declared) {
    // A whole settings object unknown at preview (it holds a certificate being created in the
    // same run) is checked once it is known.
    if (isUnknown(settings)) continue;
    // The declared settings, not the plan's: those carry the shared certificate too.
    if (keep) checkKeptService(service, inputs[service] ?? {}, fail);
    else checkService(kind, service, settings, fail);
  }
  if (keep) checkKept(plan, fail);
  if (inputs.nextApplicationCertificate !== undefined && !keep && !plan.declared.some((service) => service.certificateInput === "applicationCertificate")) {
    fail("nextApplicationCertificate", "nextApplicationCertificate is the next of the shared applicationCertificate, which no selected service uses: give the certificate as applicationCertificate, or replace each service's own certificate to rotate it.");
  }

  if ((kind === "newApplication" || kind === "existingApplicationConfigured") && !inputs.userCode) {
    const why = kind === "newApplication" ? "newApplicationName" : "configureApplication: true";
    fail("userCode", `userCode is required with ${why}: run \`vb365 device-code\`, have the customer's Global Administrator sign in, and pass the code as a secret.`);
  }
  if (kind === "newApplication" && inputs.isTeamsChatsOnline) {
    fail("isTeamsChatsOnline", "Backing up Teams chats needs an existing Entra application: VB365 cannot register a new one for it. Remove newApplicationName and set applicationId.");
  }
  // v8 refuses to add these, but still serves the ones added before: a kept one is taken over.
  const adding = !keep;
  if (kind === "modernWithLegacy") {
    if (apiVersion === "v8" && adding) {
      fail("exchangeOnlineSettings.useMfa", "VB365 v8 does not support adding organizations with modern authentication with legacy protocols allowed; use modern app-only authentication (useApplicationOnlyAuth: true), or vb365:apiVersion v7 for an older server.");
    }
    if (inputs.region === "China") fail("region", "Modern authentication with legacy protocols allowed is not supported in the China region.");
  }
  if (kind === "basic" && apiVersion === "v8" && inputs.region !== "China" && adding) {
    fail("exchangeOnlineSettings.useApplicationOnlyAuth", "VB365 v8 allows basic authentication only in the China region; use modern app-only authentication (useApplicationOnlyAuth: true).");
  }
  if (!plan.organizationName && inputs.adoptExisting) {
    fail("organizationName", "adoptExisting needs the Microsoft 365 organization name: set organizationName (e.g. contoso.onmicrosoft.com).");
  }
  return failures;
}

/**
 * organizationName with a device code when the organization is created (newApplicationName,
 * configureApplication): whoever signs in decides which tenant VB365 adds. After creation a code
 * is used only by a certificate switch, which depends on the certificate in use: check does not
 * know it, so diff and update refuse that use (identity.ts, unnamedDeviceCodeUse). Reading and
 * updating an organization without the name otherwise involves no sign-in, so it goes on working.
 */
export function deviceCodeNameFailures(plan: OrganizationPlan): Failure[] {
  return usesDeviceCodeWithoutName(plan) ? [{ property: "organizationName", reason: deviceCodeNameReason(plan) }] : [];
}

/**
 * keepServerCredentials: the server's credentials stay; so none may be declared, and there must be
 * an organization to keep them from (VB365 cannot add one without credentials).
 */
function checkKept(plan: OrganizationPlan, fail: (p: string, r: string) => void) {
  const { inputs, kind } = plan;
  if (!inputs.adoptExisting) {
    fail("adoptExisting", "keepServerCredentials takes over an organization the server already has: set adoptExisting: true as well (VB365 cannot add a new organization without credentials).");
  }
  for (const name of ["applicationCertificate", "nextApplicationCertificate"] as const) {
    if (inputs[name] !== undefined) fail(name, `keepServerCredentials keeps the certificate the server has: remove ${name}, or set keepServerCredentials: false to rotate to it.`);
  }
  if (kind === "newApplication") {
    fail("newApplicationName", "keepServerCredentials keeps an organization whose application already exists: name it by applicationId instead of newApplicationName.");
  }
}

const CREDENTIALS = ["applicationCertificate", "password", "applicationSecret"] as const;

function checkKeptService(service: Service, settings: ServiceConnectionSettings, fail: (p: string, r: string) => void) {
  for (const credential of CREDENTIALS) {
    if (settings[credential] !== undefined) {
      fail(`${service}.${credential}`, `keepServerCredentials keeps the credentials the server has: remove ${credential}, or set keepServerCredentials: false to send it.`);
    }
  }
}

function checkService(kind: AuthenticationKind, service: Service, settings: ServiceConnectionSettings, fail: (p: string, r: string) => void) {
  const at = (field: keyof ServiceConnectionSettings) => `${service}.${field}`;
  switch (kind) {
    case "newApplication":
      if (settings.applicationId) fail(at("applicationId"), "Set either newApplicationName (VB365 registers a new Entra application) or applicationId (an existing one), not both.");
      requireCertificate();
      return;
    case "existingApplication":
    case "existingApplicationConfigured":
      if (!settings.applicationId) fail(at("applicationId"), "applicationId is required with an existing Entra application; to let VB365 register one, set newApplicationName and userCode instead.");
      if (!settings.account && !settings.officeOrganizationName) {
        fail(at("account"), "account (user@domain) or officeOrganizationName is required with an existing Entra application, so VB365 knows which Microsoft 365 organization to connect to.");
      }
      requireCertificate();
      return;
    case "modernWithLegacy":
      requireAccount("modern authentication with legacy protocols (useMfa: true)");
      if (!settings.applicationId) fail(at("applicationId"), "applicationId is required for modern authentication with legacy protocols (useMfa: true).");
      if (!settings.applicationSecret && !settings.applicationCertificate) {
        fail(at("applicationSecret"), "applicationSecret or applicationCertificate is required for modern authentication with legacy protocols (useMfa: true).");
      }
      return;
    case "basic":
      requireAccount("basic authentication (useApplicationOnlyAuth: false, useMfa: false)");
      return;
  }

  function requireCertificate() {
    if (!settings.applicationCertificate) {
      fail(at("applicationCertificate"), "applicationCertificate is required for modern app-only authentication: a base64 PFX such as TenantCertificate.pfxBase64, with applicationCertificatePassword (here, or once at the top level for every service).");
    }
  }
  function requireAccount(what: string) {
    if (!settings.account) fail(at("account"), `account is required for ${what}.`);
    if (!settings.password) fail(at("password"), `password is required for ${what}.`);
  }
}

/**
 * At creation, with `registeredThumbprints` given: the certificate the organization would be added
 * with must be listed, or VB365 would be refused (AADSTS700027) after a request. Only for an
 * existing application used as it is; VB365 registers the certificate of the others itself. An
 * organization to adopt keeps the certificate the server has until a listed one may replace it,
 * so adoption is not stopped here.
 */
export function registrationFailures(plan: OrganizationPlan): Failure[] {
  const registered = plan.inputs.registeredThumbprints;
  if (plan.kind !== "existingApplication" || plan.inputs.adoptExisting || registered === undefined || isUnknown(registered)) return [];
  const tenant = plan.organizationName ?? "this organization";
  for (const { settings } of plan.services) {
    const thumbprint = settings.applicationCertificateThumbprint;
    if (isUnknown(settings) || !thumbprint || registered.includes(thumbprint.toUpperCase())) continue;
    const application = settings.applicationId ?? "its application";
    return [
      {
        property: "registeredThumbprints",
        reason:
          `registeredThumbprints does not list ${thumbprint}, the certificate ${tenant} would be added with: VB365 would be refused (AADSTS700027) and nothing would be created. ` +
          `Register it on application ${application} in ${tenant} (the customer's Entra app registration), then add it to registeredThumbprints.`,
      },
    ];
  }
  return [];
}
