import { openPfx } from "./certificate";
import type {
  OrganizationType,
  Region,
  StoredConnectionSettings,
  StoredOnPremisesSettings,
  StoredOrganization,
} from "./model";
import type { ConnectionSettingsBody, OnPremisesSettingsBody, OrganizationBody } from "./routes/organization-body";

/**
 * An organization as the rules see it: a base with a request body applied. The same merge serves
 * POST (applied to defaults) and PUT: applied to the stored organization under the "merge" PUT
 * semantics (properties present in the body replace the stored ones, absent ones are kept, `null`
 * clears, omitted secrets keep the stored ones), or to defaults under "replace" (settings.ts).
 */
export interface OrganizationDraft {
  type: OrganizationType;
  region: Region;
  description: string | null;
  isExchangeOnline: boolean;
  isSharePointOnline: boolean;
  isTeamsOnline: boolean;
  isTeamsChatsOnline: boolean;
  /** Write-only inputs: they only ever come from the current request. */
  configureApplication: boolean;
  userCode: string | null;
  newApplicationName: string | null;
  exchangeOnlineSettings: StoredConnectionSettings | null;
  sharePointOnlineSettings: StoredConnectionSettings | null;
  isExchange: boolean;
  isSharepoint: boolean;
  exchangeSettings: StoredOnPremisesSettings | null;
  sharepointSettings: StoredOnPremisesSettings | null;
}

export const EMPTY_CONNECTION_SETTINGS: StoredConnectionSettings = {
  useApplicationOnlyAuth: false,
  useMfa: null,
  grantAdminAccess: null,
  useCustomVeeamAADApplication: null,
  sharePointSaveAllWebParts: null,
  account: null,
  officeOrganizationName: null,
  applicationId: null,
  applicationCertificateThumbprint: null,
  hasPassword: false,
  hasApplicationSecret: false,
};

/**
 * Decided: `type` defaults to Office365 and `region` to Worldwide (the PowerShell default,
 * vb365-api.md §3.1) when a POST leaves them out; the spec marks both nullable.
 */
export const NEW_ORGANIZATION: OrganizationDraft = {
  type: "Office365",
  region: "Worldwide",
  description: null,
  isExchangeOnline: false,
  isSharePointOnline: false,
  isTeamsOnline: false,
  isTeamsChatsOnline: false,
  configureApplication: false,
  userCode: null,
  newApplicationName: null,
  exchangeOnlineSettings: null,
  sharePointOnlineSettings: null,
  isExchange: false,
  isSharepoint: false,
  exchangeSettings: null,
  sharepointSettings: null,
};

export function draftOf(stored: StoredOrganization): OrganizationDraft {
  return {
    ...NEW_ORGANIZATION,
    type: stored.type,
    region: stored.region,
    description: stored.description,
    isExchangeOnline: stored.isExchangeOnline,
    isSharePointOnline: stored.isSharePointOnline,
    isTeamsOnline: stored.isTeamsOnline,
    isTeamsChatsOnline: stored.isTeamsChatsOnline,
    exchangeOnlineSettings: stored.exchangeOnlineSettings,
    sharePointOnlineSettings: stored.sharePointOnlineSettings,
    isExchange: stored.isExchange,
    isSharepoint: stored.isSharepoint,
    exchangeSettings: stored.exchangeSettings,
    sharepointSettings: stored.sharepointSettings,
  };
}

const FLAGS = [
  "isExchangeOnline",
  "isSharePointOnline",
  "isTeamsOnline",
  "isTeamsChatsOnline",
  "isExchange",
  "isSharepoint",
] as const;

/** Applies `body` to `base`. Opens every certificate it carries, so a bad PFX fails here. */
export function applyBody(base: OrganizationDraft, body: OrganizationBody, now: number): OrganizationDraft {
  const draft: OrganizationDraft = {
    ...base,
    configureApplication: body.configureApplication ?? false,
    userCode: nonEmpty(body.userCode),
    newApplicationName: nonEmpty(body.newApplicationName),
  };
  // A null type or region cannot clear anything: the organization always has both.
  if (body.type) draft.type = body.type;
  if (body.region) draft.region = body.region;
  if (body.description !== undefined) draft.description = body.description;
  for (const flag of FLAGS) {
    if (body[flag] !== undefined) draft[flag] = body[flag] ?? false;
  }
  draft.exchangeOnlineSettings = mergeConnection(base.exchangeOnlineSettings, body.exchangeOnlineSettings, "exchangeOnlineSettings", now);
  draft.sharePointOnlineSettings = mergeConnection(base.sharePointOnlineSettings, body.sharePointOnlineSettings, "sharePointOnlineSettings", now);
  draft.exchangeSettings = mergeOnPremises(base.exchangeSettings, body.exchangeSettings);
  draft.sharepointSettings = mergeOnPremises(base.sharepointSettings, body.sharepointSettings);
  return draft;
}

const CONNECTION_FIELDS = [
  "useMfa",
  "grantAdminAccess",
  "useCustomVeeamAADApplication",
  "sharePointSaveAllWebParts",
  "account",
  "officeOrganizationName",
  "applicationId",
] as const;

function mergeConnection(
  base: StoredConnectionSettings | null,
  body: ConnectionSettingsBody | null | undefined,
  where: string,
  now: number,
): StoredConnectionSettings | null {
  if (body === undefined) return base;
  if (body === null) return null;
  const result: StoredConnectionSettings = { ...(base ?? EMPTY_CONNECTION_SETTINGS) };
  if (body.useApplicationOnlyAuth !== undefined) result.useApplicationOnlyAuth = body.useApplicationOnlyAuth ?? false;
  for (const field of CONNECTION_FIELDS) {
    const value = body[field];
    if (value !== undefined) (result as unknown as Record<string, unknown>)[field] = value;
  }
  if (nonEmpty(body.password)) result.hasPassword = true;
  if (nonEmpty(body.applicationSecret)) result.hasApplicationSecret = true;
  // The thumbprint a client sends (ANON-PS does) is ignored: it is always computed from the PFX.
  const certificate = nonEmpty(body.applicationCertificate);
  if (certificate !== null) {
    const opened = openPfx(certificate, body.applicationCertificatePassword, `${where}.applicationCertificate`, now);
    result.applicationCertificateThumbprint = opened.thumbprint;
  }
  return result;
}

function mergeOnPremises(
  base: StoredOnPremisesSettings | null,
  body: OnPremisesSettingsBody | null | undefined,
): StoredOnPremisesSettings | null {
  if (body === undefined) return base;
  if (body === null) return null;
  const result: StoredOnPremisesSettings = base
    ? { ...base, options: { ...base.options } }
    : { serverName: "", username: "", hasPassword: false, options: {} };
  if (body.serverName !== undefined) result.serverName = body.serverName ?? "";
  if (body.username !== undefined) result.username = body.username ?? "";
  if (nonEmpty(body.password)) result.hasPassword = true;
  for (const [key, value] of Object.entries(body)) {
    if (key === "serverName" || key === "username" || key === "password" || value === undefined) continue;
    result.options[key] = value as boolean | number | null;
  }
  return result;
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === "" ? null : value;
}
