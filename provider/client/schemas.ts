import { z } from "zod";

// Response schemas are built by functions, never at module scope: a zod object captured by
// closure serialization drags native functions along and fails (pulumi/pulumi#5294).

export function tokenResponseSchema() {
  return z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().optional(),
    token_type: z.string().optional(),
    expires_in: z.coerce.number().positive(),
  });
}

export function deviceCodeResponseSchema() {
  return z.object({
    userCode: z.string().min(1),
    verificationUrl: z.string().min(1),
    expiresIn: z.coerce.number(),
    message: z.string().optional(),
  });
}

export function deviceCodeCheckSchema() {
  return z.object({ authenticated: z.boolean() });
}

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

export function organizationSchema() {
  return z
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
    .passthrough();
}

export type RemoteOrganization = z.infer<ReturnType<typeof organizationSchema>>;

/** GET /Organizations: a plain array up to v7, a page object from v8 on. */
export function organizationPageSchema() {
  return z.object({
    offset: z.number().optional(),
    limit: z.number().optional(),
    results: z.array(organizationSchema()),
  });
}

/** Veeam's RESTExceptionInfo, or the OAuth-style body older servers send from /token. */
export function errorBodySchema() {
  return z
    .object({
      message: z.string().nullish(),
      errorCode: z.string().nullish(),
      error: z.string().nullish(),
      error_description: z.string().nullish(),
    })
    .passthrough();
}
