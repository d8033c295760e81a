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

const pageSchemas = new WeakMap<() => z.ZodType, () => z.ZodType>();

/**
 * A page of a v8 collection (and of the organization's objects in every version): PageOfREST*.
 * One schema per item schema, built once (once.ts).
 */
export function pageSchemaOf<T>(item: () => z.ZodType<T>): () => z.ZodType<Page<T>> {
  let schema = pageSchemas.get(item);
  if (!schema) {
    schema = once(() =>
      z.object({
        offset: z.number().nullish(),
        limit: z.number().nullish(),
        results: z.array(item()),
        _links: z.object({ next: z.object({ href: z.string() }).nullish() }).passthrough().nullish(),
      }),
    );
    pageSchemas.set(item, schema);
  }
  return schema as () => z.ZodType<Page<T>>;
}

export interface Page<T> {
  offset?: number | null;
  limit?: number | null;
  results: T[];
  _links?: { next?: { href: string } | null } | null;
}

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
