/** Microsoft Entra regions VB365 v6–v8 accept (`region`, `targetRegion`). */
export const REGIONS = ["Worldwide", "Germany", "China", "USDefence", "USGovernment"] as const;
export type Region = (typeof REGIONS)[number];

/** Spellings of VB365 v2–v5 documentation, accepted and normalised to {@link Region}. */
export type LegacyRegionSpelling = "worldwide" | "germany" | "china" | "USgovDefence" | "USgovCommunity";

/**
 * Connection settings of one Microsoft 365 service, as VB365's RESTOffice365ConnectionSettings
 * names them (camelCase), so a body from Veeam's documentation maps one to one.
 */
export interface ServiceConnectionSettings {
  /**
   * Modern app-only authentication (an Entra application with a certificate). If false: basic,
   * or modern with legacy protocols when `useMfa` is true. Always sent explicitly: the server's
   * own default is false.
   * @default true
   */
  useApplicationOnlyAuth?: boolean;
  /** With `useApplicationOnlyAuth: false`: modern authentication with legacy protocols allowed (not for new organizations on v8). */
  useMfa?: boolean;
  /** The Microsoft 365 account VB365 uses (user@tenant.onmicrosoft.com). With an existing app, the Exchange impersonation account. */
  account?: string;
  /** Password (or app password) of `account`. Secret. */
  password?: string;
  /** Let VB365 grant the account the roles it needs (ApplicationImpersonation, SharePoint admin). */
  grantAdminAccess?: boolean;
  useCustomVeeamAADApplication?: boolean;
  /** Application (client) ID of an existing Entra application. */
  applicationId?: string;
  /** Client secret of the Entra application (modern with legacy protocols only). Secret. */
  applicationSecret?: string;
  /** The application certificate as a base64 PFX, e.g. `TenantCertificate.pfxBase64`. Secret. */
  applicationCertificate?: string;
  /** Password of `applicationCertificate`, e.g. `TenantCertificate.password`. Secret. */
  applicationCertificatePassword?: string;
  /** The Microsoft 365 organization name (contoso.onmicrosoft.com); needed with an existing app when no `account` is given. */
  officeOrganizationName?: string;
  /** SharePoint only: back up all web parts of pages. */
  sharePointSaveAllWebParts?: boolean;
}

/** Plain (resolved) inputs of a {@link Vb365Organization}. */
export interface OrganizationInputs {
  /** Only Microsoft 365 (`Office365`) organizations are managed by this resource. @default "Office365" */
  type?: "Office365";
  /** Microsoft Entra region. Old spellings (`worldwide`, `USgovDefence`, `USgovCommunity`) are accepted and normalised. @default "Worldwide" */
  region?: Region | LegacyRegionSpelling;
  isExchangeOnline?: boolean;
  isSharePointOnline?: boolean;
  /** Needs both Exchange and SharePoint. */
  isTeamsOnline?: boolean;
  /** Teams chats: modern app-only with an existing application only. */
  isTeamsChatsOnline?: boolean;
  exchangeOnlineSettings?: ServiceConnectionSettings;
  sharePointOnlineSettings?: ServiceConnectionSettings;
  /**
   * The device code the customer's Global Administrator signed in with (`vb365 device-code`).
   * Needed to create the organization with `newApplicationName` or `configureApplication`; a
   * one-time credential, so changing or removing it after creation changes nothing. Secret.
   */
  userCode?: string;
  /** Let VB365 register a new Entra application of this name (needs `userCode`). Used at creation only. */
  newApplicationName?: string;
  /** With an existing application: let VB365 grant it the permissions and register its certificate (needs `userCode`). */
  configureApplication?: boolean;
  /** Free text (VB365 v7 and later). */
  description?: string;
  /**
   * The application certificate (base64 PFX) for every selected service whose settings do not
   * name their own: the same certificate is not repeated, nor stored twice in state. Secret.
   * @example cert.pfxBase64
   */
  applicationCertificate?: string;
  /** Password of the shared `applicationCertificate`. Secret. */
  applicationCertificatePassword?: string;
  /**
   * The Microsoft 365 organization name as VB365 reports it (contoso.onmicrosoft.com): the
   * tenant's identity. Defaults to `officeOrganizationName` or the domain of `account`.
   * Adoption and recovery after an interrupted run take only an organization of this name (and,
   * where a certificate is given, its thumbprint). When set, the organization VB365 adds must
   * carry it: one added for another tenant (a device code signed in elsewhere) is removed again
   * and the create fails. Set it whenever tenants share an application or a certificate.
   */
  organizationName?: string;
  /**
   * Take over the organization already on the server with this Microsoft 365 name
   * (`organizationName`) instead of failing, and update it to these inputs, credentials included
   * (Pulumi's `import` does not work for dynamic resources, pulumi/pulumi#16175). Only the name
   * identifies it: a shared certificate never does.
   * @default false
   */
  adoptExisting?: boolean;
  /** Name of an entry in the `vb365:connections` stack config map, to use another VB365 server. Default: `vb365:url` and friends. */
  connection?: string;
}

/** What the server reports about a service connection, secrets removed. */
export interface ServiceConnectionState extends ServiceConnectionSettings {
  /** SHA-1 thumbprint of `applicationCertificate`, 40 uppercase hex characters. */
  applicationCertificateThumbprint?: string;
}

export interface OrganizationOutputs extends OrganizationInputs {
  exchangeOnlineSettings?: ServiceConnectionState;
  sharePointOnlineSettings?: ServiceConnectionState;
  /** The organization's id on the VB365 server. */
  organizationId: string;
  /** Microsoft 365 name as VB365 reports it (`name`). */
  name: string;
  /** Which API version created it. */
  apiVersion: string;
}

export type AuthenticationKind = "newApplication" | "existingApplication" | "existingApplicationConfigured" | "modernWithLegacy" | "basic";
