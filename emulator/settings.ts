import { z } from "zod";

/**
 * How `PUT /Organizations/{id}`, `PUT /Jobs/{id}` and `PUT /RbacRoles/{id}` treat what the body leaves out. No source confirms either
 * (vb365-api.md §4.5, §10): "merge" keeps omitted properties and secrets; "replace" clears them,
 * as a server that binds the body onto a fresh object would (a maintained VBR provider does
 * GET-merge-PUT because its server replaces).
 */
export type PutSemantics = "merge" | "replace";

/**
 * DELETE of an organization that has jobs. "refuse": 409 while any of them is enabled (PowerShell
 * docs: disable them first); "cascade": the jobs go with it (v8 user guide). The REST status is
 * unconfirmed either way.
 */
export type DeleteWithJobs = "refuse" | "cascade";

/**
 * DELETE of an organization that has restore operator roles. No source says what a server does:
 * "refuse" (409 while any role exists, as for enabled jobs) makes a client remove the roles first;
 * "cascade": the roles go with the organization.
 */
export type DeleteWithRoles = "refuse" | "cascade";

/** `RESTRestorePortalSettings` of SPEC6/7/8 (`restorePortalUri` from v7 on). */
export interface RestorePortalSettings {
  isEnabled: boolean;
  applicationId: string | null;
  msalAuthorityUri: string | null;
  restorePortalUri: string | null;
}

/** Settings that can change while the emulator runs (control API `PATCH /__emulator/settings`). */
export interface EmulatorSettings {
  /** Access token lifetime, `expires_in` of /token. Default 3600: "expires in 60 minutes" (DOC-AUTH). */
  tokenLifetimeSeconds: number;
  /** Refresh token lifetime. Default 14 days (decided: unconfirmed in the notes, §2.2). */
  refreshTokenLifetimeSeconds: number;
  /** Device code lifetime, `expiresIn` of /DeviceCode. Default 900: "a code is valid for 15 minutes" (§3.1). */
  deviceCodeLifetimeSeconds: number;
  /** When set, every new device code counts as signed in this many ms after it was issued. Default null (manual approval). */
  autoApproveDeviceCodesMs: number | null;
  /** Organization that auto-approved codes (and approvals naming none) sign in to. Default contoso.onmicrosoft.com. */
  autoApproveOrganizationName: string;
  /** See PutSemantics. Default "merge". */
  putSemantics: PutSemantics;
  /**
   * The largest page a paged listing returns whatever `limit` asks for; the page echoes the clamped
   * limit. A real server may cap pages below the documented 10,000 (§10). Default null: no cap.
   */
  maxPageSize: number | null;
  /**
   * A capped page says nothing of its cap: it echoes the `limit` asked for and carries no
   * `_links`. No source shows such a server; §10 says only that pages may be capped, so a client
   * must not take a short page for the last unless the server says so. Default false.
   */
  silentPageCap: boolean;
  /** See DeleteWithJobs. Default "refuse". */
  deleteWithJobs: DeleteWithJobs;
  /** See DeleteWithRoles. Default "refuse". */
  deleteWithRoles: DeleteWithRoles;
  /** What the anonymous `GET /RestorePortalSettings` reports. Default: not enabled. */
  restorePortal: RestorePortalSettings;
  /**
   * Refuse an existing-application organization whose certificate its Entra application does not
   * trust, as Entra refuses VB365's sign-in (AADSTS700027, entra-trust.ts). The trust itself is
   * kept and reported either way. Default true: a server behaves so, and a client that passes only
   * against a server that takes any certificate would break a customer's backups.
   */
  entraTrust: boolean;
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  tokenLifetimeSeconds: 3600,
  refreshTokenLifetimeSeconds: 14 * 24 * 3600,
  deviceCodeLifetimeSeconds: 900,
  autoApproveDeviceCodesMs: null,
  autoApproveOrganizationName: "contoso.onmicrosoft.com",
  putSemantics: "merge",
  maxPageSize: null,
  silentPageCap: false,
  deleteWithJobs: "refuse",
  deleteWithRoles: "refuse",
  restorePortal: { isEnabled: false, applicationId: null, msalAuthorityUri: null, restorePortalUri: null },
  entraTrust: true,
};

const positive = () => z.number().positive().finite();

export function settingsPatchSchema() {
  return z
    .object({
      tokenLifetimeSeconds: positive(),
      refreshTokenLifetimeSeconds: positive(),
      deviceCodeLifetimeSeconds: positive(),
      autoApproveDeviceCodesMs: z.number().min(0).finite().nullable(),
      autoApproveOrganizationName: z.string().trim().min(1),
      putSemantics: z.enum(["merge", "replace"]),
      maxPageSize: z.number().int().min(1).max(10_000).nullable(),
      silentPageCap: z.boolean(),
      deleteWithJobs: z.enum(["refuse", "cascade"]),
      deleteWithRoles: z.enum(["refuse", "cascade"]),
      restorePortal: z
        .object({
          isEnabled: z.boolean(),
          applicationId: z.uuid().nullable(),
          msalAuthorityUri: z.string().min(1).nullable(),
          restorePortalUri: z.string().min(1).nullable(),
        })
        .strict(),
      entraTrust: z.boolean(),
    })
    .partial()
    .strict();
}
