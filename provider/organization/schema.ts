import { z } from "zod";
import { once } from "../common/once";
import { normaliseRegion, regionHint } from "./region";
import type { OrganizationInputs } from "./types";

// The schemas are built once per process, on first use (see once.ts).

/** true/false, also as the strings "true"/"false" that YAML and env files produce. */
function flag() {
  return z.preprocess(
    (value) => (typeof value === "string" && /^(true|false)$/i.test(value) ? value.toLowerCase() === "true" : value),
    z.boolean({ error: "must be true or false" }),
  );
}

function text(what: string, max = 1024) {
  return z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, { error: `must be ${what}, not empty` })
    .max(max, { error: `must be at most ${max} characters` });
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const ORGANIZATION_NAME = /^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i;

function certificate() {
  return z
    .string({ error: "must be a base64 PFX (e.g. TenantCertificate.pfxBase64)" })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().min(1, { error: "must be a base64 PFX, not empty" }).regex(BASE64, { error: "must be a base64 PFX (e.g. TenantCertificate.pfxBase64); it contains characters base64 does not use" }));
}

const serviceSettingsSchema = once(buildServiceSettingsSchema);

function buildServiceSettingsSchema() {
  return z.strictObject(
    {
      useApplicationOnlyAuth: flag().optional(),
      useMfa: flag().optional(),
      account: text("an account such as backup@contoso.onmicrosoft.com", 320).optional(),
      password: text("the account's password").optional(),
      grantAdminAccess: flag().optional(),
      useCustomVeeamAADApplication: flag().optional(),
      applicationId: z
        .string({ error: "must be the application (client) ID, a GUID" })
        .trim()
        .regex(GUID, { error: "must be the application (client) ID, a GUID such as 0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10" })
        .optional(),
      applicationSecret: text("the application's client secret").optional(),
      applicationCertificate: certificate().optional(),
      applicationCertificatePassword: z.string({ error: "must be the PFX password" }).optional(),
      officeOrganizationName: z
        .string({ error: "must be a Microsoft 365 organization name such as contoso.onmicrosoft.com" })
        .trim()
        .regex(ORGANIZATION_NAME, { error: "must be a Microsoft 365 organization name such as contoso.onmicrosoft.com" })
        .optional(),
      sharePointSaveAllWebParts: flag().optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `has unknown settings ${issue.keys.join(", ")}` : undefined) },
  );
}

/** Structure and value checks of every input; cross-field rules live in rules.ts. */
export function organizationInputsSchema(): z.ZodType<OrganizationInputs> {
  return inputsSchema() as z.ZodType<OrganizationInputs>;
}

/**
 * The inputs known where an unknown one was found: at the top, or inside a service's settings
 * (`path` is where zod reported it). For messages that list them.
 */
export function knownInputs(path: ReadonlyArray<PropertyKey>): string[] {
  return Object.keys(path.length === 0 ? inputsSchema().shape : serviceSettingsSchema().shape);
}

const inputsSchema = once(buildInputsSchema);

function buildInputsSchema() {
  return z.strictObject(
    {
      type: z
        .string()
        .refine((value) => value.toLowerCase() === "office365", {
          error: "must be Office365: on-premises and hybrid organizations are not managed by this resource",
        })
        .transform(() => "Office365" as const)
        .optional(),
      region: z
        .string({ error: `must be ${regionHint()}` })
        .transform((value, context) => {
          const region = normaliseRegion(value);
          if (region) return region;
          context.addIssue({ code: "custom", message: `must be ${regionHint()}, not "${value}"` });
          return z.NEVER;
        })
        .optional(),
      isExchangeOnline: flag().optional(),
      isSharePointOnline: flag().optional(),
      isTeamsOnline: flag().optional(),
      isTeamsChatsOnline: flag().optional(),
      exchangeOnlineSettings: serviceSettingsSchema().optional(),
      sharePointOnlineSettings: serviceSettingsSchema().optional(),
      userCode: text("the device code the customer signed in with (vb365 device-code)", 64).optional(),
      newApplicationName: text("a name for the new Entra application", 120).optional(),
      configureApplication: flag().optional(),
      description: z.string({ error: "must be text" }).max(1024, { error: "must be at most 1024 characters" }).optional(),
      applicationCertificate: certificate().optional(),
      applicationCertificatePassword: z.string({ error: "must be the PFX password" }).optional(),
      organizationName: z
        .string({ error: "must be a Microsoft 365 organization name such as contoso.onmicrosoft.com" })
        .trim()
        .regex(ORGANIZATION_NAME, { error: "must be a Microsoft 365 organization name such as contoso.onmicrosoft.com" })
        .optional(),
      adoptExisting: flag().optional(),
      connection: text("the name of an entry in vb365:connections", 128).optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `is not an input of Vb365Organization (${issue.keys.join(", ")})` : undefined) },
  );
}
