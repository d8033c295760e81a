import type { StoredConnectionSettings, StoredOnPremisesSettings, StoredOrganization } from "../model";
import { atLeast, type ApiVersion } from "../versions";

/** `extendedView` defaults to true in v6 and false from v7 (SPEC6/7/8, §4.1). */
export function defaultExtendedView(version: ApiVersion): boolean {
  return version === "v6";
}

/**
 * RestOrganizationComposed as each version has it: `description` from v7, `msid` and
 * `backedUpOrganizationId` from v8 (§4.2). Secrets are never echoed; the certificate thumbprint
 * is (§4.4). Null strings are left out because the spec types them as non-nullable strings.
 */
export function organizationView(organization: StoredOrganization, version: ApiVersion, extendedView: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    type: organization.type,
    region: organization.region,
    id: organization.id,
    name: organization.name,
    officeName: organization.officeName,
  };
  if (atLeast(version, "v7") && organization.description !== null) view.description = organization.description;
  if (organization.type !== "OnPremises") {
    view.isExchangeOnline = organization.isExchangeOnline;
    view.isSharePointOnline = organization.isSharePointOnline;
    view.isTeamsOnline = organization.isTeamsOnline;
    view.isTeamsChatsOnline = organization.isTeamsChatsOnline;
    if (organization.exchangeOnlineSettings) view.exchangeOnlineSettings = connectionView(organization.exchangeOnlineSettings, false);
    if (organization.sharePointOnlineSettings) view.sharePointOnlineSettings = connectionView(organization.sharePointOnlineSettings, true);
  }
  if (organization.type !== "Office365") {
    view.isExchange = organization.isExchange;
    view.isSharepoint = organization.isSharepoint;
    if (organization.exchangeSettings) view.exchangeSettings = onPremisesView(organization.exchangeSettings, EXCHANGE_OPTIONS);
    if (organization.sharepointSettings) view.sharepointSettings = onPremisesView(organization.sharepointSettings, SHAREPOINT_OPTIONS);
  }
  // "false – … returns the organization properties without the isBackedup, firstBackuptime,
  // lastBackuptime properties" (§4.1). The emulator never backs anything up.
  if (extendedView) {
    view.isBackedup = false;
    view.firstBackuptime = null;
    view.lastBackuptime = null;
  }
  if (atLeast(version, "v8")) {
    view.msid = organization.msid;
    view.backedUpOrganizationId = null;
  }
  view._links = organizationLinks(organization.id, version);
  view._actions = {};
  return view;
}

/** The link set a v6.1 server returned (GOVBO), with relative hrefs like the paging docs (§4.4). */
function organizationLinks(id: string, version: ApiVersion): Record<string, { href: string }> {
  const self = `/${version}/Organizations/${id}`;
  return {
    self: { href: self },
    jobs: { href: version === "v8" ? `/v8/Jobs?organizationId=${id}` : `${self}/Jobs` },
    groups: { href: `${self}/Groups` },
    users: { href: `${self}/Users` },
    sites: { href: `${self}/Sites` },
    teams: { href: `${self}/Teams` },
    usedRepositories: { href: `${self}/usedRepositories` },
  };
}

function connectionView(settings: StoredConnectionSettings, sharePoint: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = { useApplicationOnlyAuth: settings.useApplicationOnlyAuth };
  if (settings.officeOrganizationName !== null) view.officeOrganizationName = settings.officeOrganizationName;
  if (sharePoint) view.sharePointSaveAllWebParts = settings.sharePointSaveAllWebParts ?? false;
  if (settings.account !== null) view.account = settings.account;
  view.grantAdminAccess = settings.grantAdminAccess ?? false;
  view.useMfa = settings.useMfa ?? false;
  if (settings.useCustomVeeamAADApplication !== null) view.useCustomVeeamAADApplication = settings.useCustomVeeamAADApplication;
  if (settings.applicationId !== null) view.applicationId = settings.applicationId;
  if (settings.applicationCertificateThumbprint !== null) view.applicationCertificateThumbprint = settings.applicationCertificateThumbprint;
  return view;
}

const EXCHANGE_OPTIONS = ["useSSL", "skipCAverification", "skipCommonnameverification", "skipRevocationcheck", "grantImpersonation", "configureThrottlingpolicy"];
const SHAREPOINT_OPTIONS = ["useSSL", "skipCAverification", "skipCommonnameverification", "skipRevocationcheck", "serverPort", "grantAccesstositecollections"];

function onPremisesView(settings: StoredOnPremisesSettings, options: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = { serverName: settings.serverName, username: settings.username };
  for (const option of options) if (settings.options[option] !== undefined) view[option] = settings.options[option];
  return view;
}
