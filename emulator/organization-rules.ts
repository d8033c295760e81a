import {
  deviceCodeExpired,
  deviceCodeNotFound,
  deviceCodeNotSignedIn,
  deviceCodeOtherOrganization,
  deviceCodeRegionMismatch,
  deviceCodeUsed,
  validation,
} from "./errors";
import { tenantIdFor } from "./ids";
import type { AuthenticationKind, StoredConnectionSettings, StoredDeviceCode, StoredOrganization } from "./model";
import type { OrganizationDraft } from "./organization-draft";
import type { ApiVersion } from "./versions";

export interface RuleContext {
  version: ApiVersion;
  now: number;
  /** The stored organization on PUT, null on POST. */
  existing: StoredOrganization | null;
  /** Looks a device code up with its auto-approval already applied. */
  deviceCode(userCode: string): StoredDeviceCode | undefined;
}

export interface Resolution {
  kind: AuthenticationKind | null;
  /** Microsoft 365 organization name (`name` and `officeName`). */
  name: string;
  msid: string;
  /** The signed-in device code the request used; the store marks it used once the change is applied. */
  deviceCode: StoredDeviceCode | null;
}

type UsedSettings = ReadonlyArray<readonly [where: string, settings: StoredConnectionSettings]>;

interface OnlineResult {
  kind: AuthenticationKind;
  name: string | null;
  deviceCode: StoredDeviceCode | null;
}

/**
 * Checks a draft the way vb365-api.md §4.3 describes each authentication kind, and works out
 * which Microsoft 365 organization it is. Throws a 400 ApiError naming the property at fault.
 */
export function resolveOrganization(draft: OrganizationDraft, context: RuleContext): Resolution {
  const existing = context.existing;
  // Decided (spec silent): type and region identify how VB365 reaches the organization; changing
  // them is a different organization, so PUT refuses it.
  if (existing && draft.type !== existing.type) {
    throw validation(`The type of an organization cannot be changed (it is ${existing.type}). Remove the organization and add it again.`);
  }
  if (existing && draft.region !== existing.region) {
    throw validation(`The region of an organization cannot be changed (it is ${existing.region}). Remove the organization and add it again.`);
  }
  const onPremisesName = draft.type === "Office365" ? null : checkOnPremises(draft);
  const online = draft.type === "OnPremises" ? null : checkOnline(draft, context);
  if (existing) return { kind: online?.kind ?? null, name: existing.name, msid: existing.msid, deviceCode: online?.deviceCode ?? null };
  const approval = online?.kind === "newApplication" ? online.deviceCode?.approval ?? null : null;
  const name = approval?.organizationName ?? online?.name ?? onPremisesName ?? "";
  return { kind: online?.kind ?? null, name, msid: approval?.tenantId ?? tenantIdFor(name), deviceCode: online?.deviceCode ?? null };
}

function checkOnline(draft: OrganizationDraft, context: RuleContext): OnlineResult {
  if (!draft.isExchangeOnline && !draft.isSharePointOnline) {
    throw validation("Select at least one Microsoft 365 service: set isExchangeOnline or isSharePointOnline to true.");
  }
  // PS add-vboorganization.md: Teams uses the SharePoint settings and needs both Exchange and SharePoint settings.
  if (draft.isTeamsOnline && !(draft.isExchangeOnline && draft.isSharePointOnline)) {
    throw validation("Backing up Microsoft Teams (isTeamsOnline) requires both isExchangeOnline and isSharePointOnline to be true.");
  }
  const used: Array<readonly [string, StoredConnectionSettings]> = [];
  if (draft.isExchangeOnline) used.push(["exchangeOnlineSettings", required(draft.exchangeOnlineSettings, "exchangeOnlineSettings", "isExchangeOnline")]);
  if (draft.isSharePointOnline) used.push(["sharePointOnlineSettings", required(draft.sharePointOnlineSettings, "sharePointOnlineSettings", "isSharePointOnline")]);
  const modes = new Set(used.map(([, settings]) => modeOf(settings)));
  // PS add-vboorganization.md: "Exchange and SharePoint connection settings must use the same authentication mode."
  if (modes.size > 1) {
    throw validation("exchangeOnlineSettings and sharePointOnlineSettings must use the same authentication method (the same useApplicationOnlyAuth and useMfa).");
  }
  const mode = [...modes][0];
  // PS add-vboorganization.md: -EnableTeamsChats is "For Microsoft organizations with modern app-only authentication".
  if (draft.isTeamsChatsOnline && mode !== "applicationOnly") {
    throw validation("Backing up Teams chats (isTeamsChatsOnline) requires modern app-only authentication (useApplicationOnlyAuth: true).");
  }
  if (mode === "applicationOnly") return checkApplicationOnly(draft, used, context);
  if (mode === "modernWithLegacy") return checkModernWithLegacy(draft, used, context);
  return checkBasic(draft, used, context);
}

function modeOf(settings: StoredConnectionSettings): "applicationOnly" | "modernWithLegacy" | "basic" {
  if (settings.useApplicationOnlyAuth) return "applicationOnly";
  return settings.useMfa ? "modernWithLegacy" : "basic";
}

/** Kinds A, B and C of §4.3: modern app-only with a new or an existing Entra application. */
function checkApplicationOnly(draft: OrganizationDraft, used: UsedSettings, context: RuleContext): OnlineResult {
  for (const [where, settings] of used) {
    if (!settings.applicationCertificateThumbprint) {
      throw validation(`'${where}.applicationCertificate' is required for modern app-only authentication (useApplicationOnlyAuth: true): a base64 PFX with its applicationCertificatePassword.`);
    }
  }
  if (draft.newApplicationName !== null) {
    if (!context.existing) {
      for (const [where, settings] of used) {
        if (settings.applicationId) {
          throw validation(`Set either newApplicationName (VB365 registers a new Microsoft Entra application) or '${where}.applicationId' (an existing application), not both.`);
        }
      }
    }
    // PS choose_active_directory_application.md: registering a new application is unavailable with Teams chats.
    if (draft.isTeamsChatsOnline) {
      throw validation("Backing up Teams chats (isTeamsChatsOnline) requires an existing Microsoft Entra application: VB365 cannot register a new one for it. Remove newApplicationName and set applicationId.");
    }
    return { kind: "newApplication", name: null, deviceCode: signedInDeviceCode(draft, context, "newApplicationName") };
  }
  for (const [where, settings] of used) {
    if (!settings.applicationId) {
      throw validation(`'${where}.applicationId' is required to use an existing Microsoft Entra application; to let VB365 register a new one, set newApplicationName and userCode instead.`);
    }
    if (!settings.account && !settings.officeOrganizationName) {
      throw validation(`'${where}.account' or '${where}.officeOrganizationName' is required with an existing Microsoft Entra application, so that VB365 knows which Microsoft 365 organization to connect to.`);
    }
  }
  const deviceCode = draft.configureApplication ? signedInDeviceCode(draft, context, "configureApplication: true") : null;
  // Decided: on PUT the organization is known, and a code signed in to another tenant cannot
  // register anything on its application (as on a rotation to a new certificate).
  const existing = context.existing;
  if (deviceCode?.approval && existing && deviceCode.approval.organizationName.toLowerCase() !== existing.name.toLowerCase()) {
    throw deviceCodeOtherOrganization(deviceCode.userCode, deviceCode.approval.organizationName, existing.name);
  }
  return { kind: deviceCode ? "existingApplicationConfigured" : "existingApplication", name: nameOf(used), deviceCode };
}

/** Kind D of §4.3: a Veeam backup account plus an Entra application. */
function checkModernWithLegacy(draft: OrganizationDraft, used: UsedSettings, context: RuleContext): OnlineResult {
  if (context.version === "v8" && context.existing?.authenticationKind !== "modernWithLegacy") {
    // DOC-LEGACY, word for word. A PUT of an organization added that way before v8 is still allowed (decided).
    throw validation("Veeam Backup for Microsoft 365 version 8 does not support adding new Microsoft 365 organizations using modern authentication method with legacy protocols allowed.");
  }
  if (draft.region === "China") {
    throw validation("Modern authentication with legacy protocols allowed is not supported for the Microsoft Azure China region.");
  }
  for (const [where, settings] of used) {
    requireAccountAndPassword(where, settings, "modern authentication with legacy protocols allowed (useMfa: true)");
    if (!settings.applicationId) throw validation(`'${where}.applicationId' is required for modern authentication with legacy protocols allowed (useMfa: true).`);
    if (!settings.hasApplicationSecret && !settings.applicationCertificateThumbprint) {
      throw validation(`'${where}.applicationSecret' or '${where}.applicationCertificate' is required for modern authentication with legacy protocols allowed (useMfa: true).`);
    }
  }
  return { kind: "modernWithLegacy", name: nameOf(used), deviceCode: null };
}

/** Kind E of §4.3. */
function checkBasic(draft: OrganizationDraft, used: UsedSettings, context: RuleContext): OnlineResult {
  if (context.version === "v8" && draft.region !== "China" && context.existing?.authenticationKind !== "basic") {
    throw validation("Adding Microsoft 365 organizations using basic authentication method is only available in Microsoft Entra China region through REST API and PowerShell.");
  }
  for (const [where, settings] of used) requireAccountAndPassword(where, settings, "basic authentication (useApplicationOnlyAuth: false, useMfa: false)");
  return { kind: "basic", name: nameOf(used), deviceCode: null };
}

function requireAccountAndPassword(where: string, settings: StoredConnectionSettings, what: string): void {
  if (!settings.account) throw validation(`'${where}.account' is required for ${what}.`);
  if (!settings.hasPassword) throw validation(`'${where}.password' is required for ${what}.`);
}

/** The device code must exist, be signed in, unexpired and unused (§3). */
function signedInDeviceCode(draft: OrganizationDraft, context: RuleContext, reason: string): StoredDeviceCode {
  if (draft.userCode === null) {
    throw validation(`'userCode' is required with ${reason}: request a code with POST /DeviceCode, sign in to Microsoft 365 with it, then send it here.`);
  }
  const code = context.deviceCode(draft.userCode);
  if (!code) throw deviceCodeNotFound(draft.userCode);
  if (code.usedAt !== null) throw deviceCodeUsed(code.userCode);
  if (context.now >= code.expiresAt) throw deviceCodeExpired(code.userCode);
  if (!code.approval) throw deviceCodeNotSignedIn(code.userCode);
  // Decided: a code obtained for one Microsoft cloud cannot sign in to another.
  if (code.region !== draft.region) throw deviceCodeRegionMismatch(code.userCode, code.region, draft.region);
  return code;
}

/** officeOrganizationName first, then the domain of the account (decided: the notes name both, §4.3). */
function nameOf(used: UsedSettings): string {
  for (const [, settings] of used) if (settings.officeOrganizationName) return settings.officeOrganizationName.trim();
  for (const [, settings] of used) {
    const at = settings.account?.lastIndexOf("@") ?? -1;
    if (settings.account && at > 0 && at < settings.account.length - 1) return settings.account.slice(at + 1).trim();
  }
  const where = used[0]?.[0] ?? "exchangeOnlineSettings";
  throw validation(`Cannot tell which Microsoft 365 organization to add: set '${where}.officeOrganizationName', or an account in the user@domain form.`);
}

/**
 * Minimal on-premises checks (kinds F and G): each selected server needs a name and a login.
 * The organization name is the login's domain, else the server name (decided: notes are silent).
 */
function checkOnPremises(draft: OrganizationDraft): string {
  if (!draft.isExchange && !draft.isSharepoint) {
    throw validation("Select at least one on-premises service: set isExchange or isSharepoint to true.");
  }
  const servers = [
    ...(draft.isExchange ? [["exchangeSettings", required(draft.exchangeSettings, "exchangeSettings", "isExchange")] as const] : []),
    ...(draft.isSharepoint ? [["sharepointSettings", required(draft.sharepointSettings, "sharepointSettings", "isSharepoint")] as const] : []),
  ];
  for (const [where, settings] of servers) {
    if (!settings.serverName) throw validation(`'${where}.serverName' is required.`);
    if (!settings.username) throw validation(`'${where}.username' is required.`);
    if (!settings.hasPassword) throw validation(`'${where}.password' is required.`);
  }
  const [, first] = servers[0]!;
  const login = first.username;
  if (login.includes("@")) return login.slice(login.lastIndexOf("@") + 1);
  if (login.includes("\\")) return login.slice(0, login.indexOf("\\"));
  return first.serverName;
}

function required<T>(value: T | null, where: string, flag: string): T {
  if (value === null) throw validation(`'${where}' is required when ${flag} is true.`);
  return value;
}
