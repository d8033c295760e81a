import { z } from "zod";
import { once } from "../common/once";

// Schemas are built once per process, on first use (see once.ts).

export const tokenResponseSchema = once(() =>
  z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().optional(),
    token_type: z.string().optional(),
    expires_in: z.coerce.number().positive(),
  }),
);

export const deviceCodeResponseSchema = once(() =>
  z.object({
    userCode: z.string().min(1),
    verificationUrl: z.string().min(1),
    expiresIn: z.coerce.number(),
    message: z.string().optional(),
  }),
);

export const deviceCodeCheckSchema = once(() =>
  z.object({ authenticated: z.boolean() }),
);

function connectionSettingsSchema() {
  return z
    .object({
      useApplicationOnlyAuth: z.boolean().nullish(),
      officeOrganizationName: z.string().nullish(),
      sharePointSaveAllWebParts: z.boolean().nullish(),
      account: z.string().nullish(),
      grantAdminAccess: z.boolean().nullish(),
      useMfa: z.boolean().nullish(),
      useCustomVeeamAADApplication: z.boolean().nullish(),
      applicationId: z.string().nullish(),
      applicationCertificateThumbprint: z.string().nullish(),
    })
    .passthrough();
}

export const organizationSchema = once(() =>
  z
    .object({
      id: z.string().min(1),
      name: z.string().nullish(),
      officeName: z.string().nullish(),
      type: z.string().nullish(),
      region: z.string().nullish(),
      description: z.string().nullish(),
      isExchangeOnline: z.boolean().nullish(),
      isSharePointOnline: z.boolean().nullish(),
      isTeamsOnline: z.boolean().nullish(),
      isTeamsChatsOnline: z.boolean().nullish(),
      exchangeOnlineSettings: connectionSettingsSchema().nullish(),
      sharePointOnlineSettings: connectionSettingsSchema().nullish(),
    })
    .passthrough(),
);

/** GET /Organizations up to v7: a plain array. */
export const organizationListSchema = once(() => organizationSchema().array());

export type RemoteOrganization = z.infer<ReturnType<typeof organizationSchema>>;

/** GET /Organizations: a plain array up to v7, a page object from v8 on. */
export const organizationPageSchema = once(() =>
  z.object({
    offset: z.number().nullish(),
    limit: z.number().nullish(),
    results: z.array(organizationSchema()),
    _links: z.object({ next: z.object({ href: z.string() }).nullish() }).passthrough().nullish(),
  }),
);

export type OrganizationPage = z.infer<ReturnType<typeof organizationPageSchema>>;

/** GET /RestorePortalSettings (RESTRestorePortalSettings; restorePortalUri from v7 on). */
export const restorePortalSettingsSchema = once(() =>
  z.object({
    isEnabled: z.boolean().nullish().transform((value) => value ?? false),
    applicationId: z.string().nullish(),
    msalAuthorityUri: z.string().nullish(),
    restorePortalUri: z.string().nullish(),
  }),
);

export type RestorePortalSettings = z.infer<ReturnType<typeof restorePortalSettingsSchema>>;

/** Veeam's RESTExceptionInfo, or the OAuth-style body older servers send from /token. */
export const errorBodySchema = once(() =>
  z
    .object({
      message: z.string().nullish(),
      errorCode: z.string().nullish(),
      error: z.string().nullish(),
      error_description: z.string().nullish(),
    })
    .passthrough(),
);
