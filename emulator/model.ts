import type { StoredJobItem } from "./job-items";

// Stored state. Secrets are never stored: only whether one was given (and, for a certificate,
// its thumbprint), which is all the rules and the responses need (secrets are never echoed).

export const REGIONS = ["Worldwide", "Germany", "China", "USDefence", "USGovernment"] as const;
export type Region = (typeof REGIONS)[number];

export const ORGANIZATION_TYPES = ["Office365", "OnPremises", "Hybrid"] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/**
 * How an organization authenticates to Microsoft 365, named after vb365-api.md §4.3:
 * A `newApplication`, B `existingApplicationConfigured` (configureApplication: true),
 * C `existingApplication`, D `modernWithLegacy`, E `basic`; F/G on-premises parts have no kind.
 */
export type AuthenticationKind =
  | "newApplication"
  | "existingApplicationConfigured"
  | "existingApplication"
  | "modernWithLegacy"
  | "basic";

/** RESTOffice365ConnectionSettings without its secrets. */
export interface StoredConnectionSettings {
  useApplicationOnlyAuth: boolean;
  useMfa: boolean | null;
  grantAdminAccess: boolean | null;
  useCustomVeeamAADApplication: boolean | null;
  sharePointSaveAllWebParts: boolean | null;
  account: string | null;
  officeOrganizationName: string | null;
  applicationId: string | null;
  /** SHA-1 of the certificate DER, 40 uppercase hex digits (certificates.md §0). */
  applicationCertificateThumbprint: string | null;
  hasPassword: boolean;
  hasApplicationSecret: boolean;
}

/** RESTExchangeSettings / RESTSharepointSettings (on-premises) without the password. */
export interface StoredOnPremisesSettings {
  serverName: string;
  username: string;
  hasPassword: boolean;
  options: Record<string, boolean | number | null>;
}

export interface StoredOrganization {
  id: string;
  type: OrganizationType;
  region: Region;
  /** Microsoft 365 organization name, e.g. contoso.onmicrosoft.com; also the duplicate key. */
  name: string;
  officeName: string;
  description: string | null;
  /** Microsoft 365 tenant id (v8 `msid`). */
  msid: string;
  authenticationKind: AuthenticationKind | null;
  isExchangeOnline: boolean;
  isSharePointOnline: boolean;
  isTeamsOnline: boolean;
  isTeamsChatsOnline: boolean;
  exchangeOnlineSettings: StoredConnectionSettings | null;
  sharePointOnlineSettings: StoredConnectionSettings | null;
  isExchange: boolean;
  isSharepoint: boolean;
  exchangeSettings: StoredOnPremisesSettings | null;
  sharepointSettings: StoredOnPremisesSettings | null;
  /** Set for kind A: the Entra application VB365 registered. */
  newApplicationName: string | null;
  createdAt: string;
}

export const BACKUP_TYPES = ["EntireOrganization", "SelectedItems"] as const;
export type BackupType = (typeof BACKUP_TYPES)[number];

export interface StoredJob {
  id: string;
  organizationId: string;
  repositoryId: string;
  name: string;
  description: string | null;
  backupType: BackupType;
  schedulePolicy: Record<string, unknown>;
  selectedItems: StoredJobItem[];
  excludedItems: StoredJobItem[];
  isEnabled: boolean;
  lastStatus: string;
  eTag: number;
  createdAt: string;
}

/** RESTBackupRepository fields the emulator knows, as the v8 superset. */
export interface StoredRepository {
  id: string;
  name: string;
  description: string;
  path: string;
  proxyId: string;
  capacityBytes: number;
  freeSpaceBytes: number;
  retentionType: "ItemLevel" | "SnapshotBased";
  retentionPeriodType: "Monthly" | "Daily" | "Yearly";
  yearlyRetentionPeriod: string | null;
  dailyRetentionPeriod: number | null;
  retentionFrequencyType: "Daily" | "Monthly";
  dailyTime: string;
  dailyType: string;
  isLongTerm: boolean;
}

export interface DeviceCodeApproval {
  organizationName: string;
  tenantId: string;
  at: number;
}

export interface StoredDeviceCode {
  userCode: string;
  region: Region;
  loginGraphAppOrganizationId: string | null;
  issuedAt: number;
  expiresAt: number;
  approval: DeviceCodeApproval | null;
  /** Auto-approval captured when the code was issued (lazy: it takes effect once the clock passes `at`). */
  autoApproval: DeviceCodeApproval | null;
  usedAt: number | null;
}

export interface StoredAccessToken {
  user: string;
  issuedAt: number;
  expiresAt: number;
  refreshToken: string;
}

export interface StoredRefreshToken {
  user: string;
  expiresAt: number;
  accessToken: string;
}

export const ROLE_TYPES = ["EntireOrganization", "SpecificObjects"] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

/** RESTRbacItemType of SPEC7/8 (SPEC6 has no `Team`); operators are `User` or `Group` only. */
export const ROLE_ITEM_TYPES = ["Group", "User", "Site", "Team"] as const;
export type RoleItemType = (typeof ROLE_ITEM_TYPES)[number];

/**
 * An operator or item of a restore operator role: its object as the organization's inventory
 * named it when the role was saved, in the members RESTRbacUser/Group/Site/Team require.
 */
export interface StoredRoleItem {
  /** The object's id: the specs describe an item's `id` as the ID of its user, group, site or team. */
  id: string;
  type: RoleItemType;
  user?: { id: string; displayName: string; name: string; type: "User" };
  group?: { id: string; displayName: string; name: string; type: "Office365" };
  site?: { id: string; url: string; title: string; isCloud: true; isPersonal: boolean };
  team?: { id: string; description: string; displayName: string; mail: string };
}

export interface StoredRole {
  id: string;
  organizationId: string;
  name: string;
  description: string | null;
  roleType: RoleType;
  operators: StoredRoleItem[];
  selectedItems: StoredRoleItem[];
  excludedItems: StoredRoleItem[];
  createdAt: string;
}
