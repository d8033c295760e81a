import { z } from "zod";
import { field, objectSchema, unknownKeys } from "../common/definition";
import { flag, text } from "../common/fields";
import { once } from "../common/once";
import { normaliseRegion, regionHint } from "./region";
import { REGIONS } from "./types";

/**
 * Vb365Organization, defined once: every input and output with its schema and what the provider
 * does with it. The types (types.ts), the schemas check parses with (schema.ts), the diff's
 * replace and in-place lists, the secret fields, the defaults, what refresh takes from the
 * server and what the state keeps are all read from here; rules.ts holds what spans fields.
 * Names are VB365's own (RESTOffice365ConnectionSettings, camelCase), so a body from Veeam's
 * documentation maps one to one.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** SHA-1 of a certificate: 40 hex digits, as people copy it (colons or spaces between the bytes, any case). */
const THUMBPRINT = /^[0-9A-F]{40}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const ORGANIZATION_NAME = /^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i;

function certificate() {
  return z
    .string({ error: "must be a base64 PFX (e.g. TenantCertificate.pfxBase64)" })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().min(1, { error: "must be a base64 PFX, not empty" }).regex(BASE64, { error: "must be a base64 PFX (e.g. TenantCertificate.pfxBase64); it contains characters base64 does not use" }));
}

/**
 * Thumbprints in one form: upper case without separators, each once, sorted, so that a
 * confirmation pasted from another tool or listed in another order is no change.
 */
function thumbprints() {
  const one = "must be a certificate thumbprint (SHA-1: 40 hex digits, as TenantCertificate.thumbprint shows it)";
  return z
    .array(
      z
        .string({ error: one })
        .transform((value) => value.replace(/[\s:]/g, "").toUpperCase())
        .pipe(z.string().regex(THUMBPRINT, { error: (issue) => `${one}, not "${String(issue.input)}"` })),
      { error: "must be a list of certificate thumbprints, e.g. [TenantCertificate.nextThumbprint]" },
    )
    .transform((values) => [...new Set(values)].sort());
}

function microsoft365Name() {
  return z
    .string({ error: "must be a Microsoft 365 organization name such as contoso.onmicrosoft.com" })
    .trim()
    .regex(ORGANIZATION_NAME, { error: "must be a Microsoft 365 organization name such as contoso.onmicrosoft.com" });
}

function region() {
  const message = (input: unknown) => (typeof input === "string" ? `must be ${regionHint()}, not "${input}"` : `must be ${regionHint()}`);
  return z.preprocess((value) => (typeof value === "string" ? (normaliseRegion(value) ?? value) : value), z.enum(REGIONS, { error: (issue) => message(issue.input) }));
}

function office365() {
  return z.preprocess(
    (value) => (typeof value === "string" && value.toLowerCase() === "office365" ? "Office365" : value),
    z.literal("Office365", { error: "must be Office365: on-premises and hybrid organizations are not managed by this resource" }),
  );
}

/** The connection settings of one Microsoft 365 service (exchangeOnlineSettings, sharePointOnlineSettings). */
export const SETTINGS_FIELDS = {
  useApplicationOnlyAuth: field(flag, {
    description: "Modern app-only authentication (an Entra application with a certificate). If false: basic, or modern with legacy protocols when `useMfa` is true. Always sent explicitly: the server's own default is false.",
    change: "update",
    default: true,
    reported: true,
  }),
  useMfa: field(flag, { description: "With `useApplicationOnlyAuth: false`: modern authentication with legacy protocols allowed (not for new organizations on v8).", change: "update", reported: true }),
  account: field(() => text("an account such as backup@contoso.onmicrosoft.com", 320), {
    description: "The Microsoft 365 account VB365 uses (user@tenant.onmicrosoft.com). With an existing application, the Exchange impersonation account.",
    change: "update",
    reported: true,
  }),
  password: field(() => text("the account's password"), { description: "Password (or app password) of `account`.", change: "update", secret: true }),
  grantAdminAccess: field(flag, { description: "Let VB365 grant the account the roles it needs (ApplicationImpersonation, SharePoint admin).", change: "update", reported: true }),
  useCustomVeeamAADApplication: field(flag, { description: "Use a custom Veeam Entra application (VB365's own setting of that name).", change: "update", reported: true }),
  applicationId: field(
    () =>
      z
        .string({ error: "must be the application (client) ID, a GUID" })
        .trim()
        .regex(GUID, { error: "must be the application (client) ID, a GUID such as 0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10" }),
    { description: "Application (client) ID of an existing Entra application.", change: "update", reported: true },
  ),
  applicationSecret: field(() => text("the application's client secret"), { description: "Client secret of the Entra application (modern with legacy protocols only).", change: "update", secret: true }),
  applicationCertificate: field(certificate, {
    description: "The application certificate as a base64 PFX, e.g. `TenantCertificate.pfxBase64`. Judged by its thumbprint and kept out of the state. Bounded as TenantCertificate's `importPfxBase64` before it is opened: at most 64 KiB, 100,000 iterations in each key derivation and 500,000 to check and read it.",
    change: "update",
    secret: true,
    inState: false,
    compared: false,
  }),
  applicationCertificatePassword: field(() => z.string({ error: "must be the PFX password" }), {
    description: "Password of `applicationCertificate`, e.g. `TenantCertificate.password`.",
    change: "update",
    secret: true,
    inState: false,
    compared: false,
  }),
  officeOrganizationName: field(microsoft365Name, {
    description: "The Microsoft 365 organization name (contoso.onmicrosoft.com); needed with an existing application when no `account` is given.",
    change: "update",
    reported: true,
  }),
  sharePointSaveAllWebParts: field(flag, { description: "SharePoint only: back up all web parts of pages.", change: "update", reported: true }),
} as const;

/** What the provider adds to a service's settings: check works it out, the server reports it. */
export const SETTINGS_OUTPUT_FIELDS = {
  applicationCertificateThumbprint: field(() => z.string(), { description: "SHA-1 thumbprint of the certificate the service uses, 40 uppercase hex characters.", reported: true }),
} as const;

/** The inputs of Vb365Organization. */
export const ORGANIZATION_FIELDS = {
  type: field(office365, { description: "Only Microsoft 365 (`Office365`) organizations are managed by this resource.", change: "replace", default: "Office365" }),
  region: field(region, {
    description: "Microsoft Entra region. Old spellings (`worldwide`, `USgovDefence`, `USgovCommunity`) are accepted and normalised.",
    change: "replace",
    default: "Worldwide",
    reported: true,
  }),
  isExchangeOnline: field(flag, { description: "Back up Exchange Online.", change: "update", default: false, reported: true }),
  isSharePointOnline: field(flag, { description: "Back up SharePoint Online and OneDrive for Business.", change: "update", default: false, reported: true }),
  isTeamsOnline: field(flag, { description: "Back up Microsoft Teams; needs both Exchange and SharePoint.", change: "update", default: false, reported: true }),
  isTeamsChatsOnline: field(flag, {
    description: "Back up Teams chats: modern app-only with an existing application only. Left out, it is not sent (servers before 6a do not know it) and counts as false.",
    change: "update",
    absentMeans: false,
    reported: true,
  }),
  exchangeOnlineSettings: field(() => settingsSchema(), { description: "Connection settings of Exchange Online.", change: "update", fields: SETTINGS_FIELDS }),
  sharePointOnlineSettings: field(() => settingsSchema(), { description: "Connection settings of SharePoint Online.", change: "update", fields: SETTINGS_FIELDS }),
  userCode: field(() => text("the device code the customer signed in with (vb365 device-code)", 64), {
    description: "The device code the customer's Global Administrator signed in with (`vb365 device-code`). Needed to create the organization with `newApplicationName` or `configureApplication`, and always with `organizationName`, the tenant it must sign in to. A one-time credential: after creation a new code is used only while a certificate switch waits for one (`certificateRotation`), which then needs `organizationName` too; otherwise changing or removing it changes nothing.",
    change: "createOnly",
    secret: true,
  }),
  newApplicationName: field(() => text("a name for the new Entra application", 120), { description: "Let VB365 register a new Entra application of this name (needs `userCode` and `organizationName`).", change: "createOnly" }),
  configureApplication: field(flag, { description: "With an existing application: let VB365 grant it the permissions and register its certificate (needs `userCode` and `organizationName`).", change: "createOnly" }),
  description: field(() => z.string({ error: "must be text" }).max(1024, { error: "must be at most 1024 characters" }), { description: "Free text (VB365 v7 and later).", change: "update", reported: true }),
  applicationCertificate: field(certificate, {
    description: "The application certificate (base64 PFX) for every selected service whose settings do not name their own: the same certificate is not repeated, nor stored twice in state. Bounded as a service's `applicationCertificate`.",
    change: "update",
    sent: false,
    secret: true,
    inState: false,
    compared: false,
  }),
  applicationCertificatePassword: field(() => z.string({ error: "must be the PFX password" }), { description: "Password of the shared `applicationCertificate`.", change: "update", secret: true, inState: false, compared: false, sent: false }),
  nextApplicationCertificate: field(certificate, {
    description:
      "The next certificate (base64 PFX) of the services that use the shared `applicationCertificate`, e.g. `TenantCertificate.nextPfxBase64`. The organization switches to it in place only once its application trusts it: its thumbprint is in `registeredThumbprints`, or, where VB365 registers the application's certificates (`newApplicationName`, `configureApplication`), a fresh `userCode` is given. Until then the current certificate stays in use and nothing sends the next one; `certificateRotation` says what the switch waits for. Bounded as `applicationCertificate`.",
    change: "update",
    sent: false,
    secret: true,
    inState: false,
    compared: false,
  }),
  nextApplicationCertificatePassword: field(() => z.string({ error: "must be the PFX password" }), { description: "Password of `nextApplicationCertificate`, e.g. `TenantCertificate.password`.", change: "update", secret: true, inState: false, compared: false, sent: false }),
  registeredThumbprints: field(thumbprints, {
    description:
      "Thumbprints of the certificates the organization's Entra application is known to trust: the customer's confirmation that they registered them, or the thumbprints an `azuread.ApplicationCertificate` registered. The organization switches to a new certificate of an application it does not register itself only when its thumbprint is listed here; given at creation, it must list the certificate the organization is added with (an adopted one keeps the server's until then). Left out, none is confirmed (the same as an empty list). Changes no request by itself.",
    change: "update",
    absentMeans: [],
    sent: false,
  }),
  organizationName: field(microsoft365Name, {
    description: "The Microsoft 365 organization name as VB365 reports it (contoso.onmicrosoft.com): the tenant's identity. Required with a device code (`userCode`, `newApplicationName`, `configureApplication`) when the organization is created, and when a new code is used to switch its certificate (checked at preview with the state): the organization VB365 adds must carry it, or it is removed again. Otherwise defaults to `officeOrganizationName` or the domain of `account`. Adoption and recovery after an interrupted run take only an organization of this name, never one found by its certificate alone: without a name they take none. Set it whenever tenants share an application or a certificate; giving it later to an organization added without it, as the name VB365 reports, replaces nothing.",
    change: "replace",
    sent: false,
  }),
  adoptExisting: field(flag, {
    description: "Take over the organization already on the server with this Microsoft 365 name (`organizationName`) instead of failing, and update it to these inputs, credentials included. Only the name identifies it: a shared certificate never does.",
    change: "createOnly",
    default: false,
    sent: false,
  }),
  keepServerCredentials: field(flag, {
    description: "Manage an organization the server already has without its credentials: no certificate, password or client secret is declared, sent or changed; the thumbprint the server reports is recorded. Needs `adoptExisting: true`. Declaring a certificate later (and setting this to false) rotates to it in place.",
    change: "update",
    default: false,
    sent: false,
  }),
  connection: field(() => text("the name of an entry in vb365:connections", 128), {
    description: "Name of an entry in the `vb365:connections` stack config map, to use another VB365 server. Default: `vb365:url` and friends.",
    change: "replace",
    sent: false,
  }),
} as const;

/** What the provider works out from the inputs (check), besides each service's thumbprint. */
export const ORGANIZATION_DERIVED_FIELDS = {
  nextApplicationCertificateThumbprint: field(() => z.string().optional(), { description: "SHA-1 thumbprint of `nextApplicationCertificate`, 40 uppercase hex characters; absent when there is none." }),
} as const;

/** What the server assigns, and where the certificate's rotation stands. */
export const ORGANIZATION_OUTPUT_FIELDS = {
  organizationId: field(() => z.string(), { description: "The organization's id on the VB365 server." }),
  name: field(() => z.string(), { description: "The Microsoft 365 organization name VB365 reports (e.g. contoso.onmicrosoft.com)." }),
  apiVersion: field(() => z.string(), { description: "The REST API version the organization was created or last updated with." }),
  restorePortalStatus: field(() => z.string().optional(), {
    description: "Whether the tenant can use the server's Restore Portal: starts with `available`, `unavailable` (not added with modern app-only authentication), `disabled` (the portal is off on the server) or `unknown`, then says why. Read at create, update and refresh.",
  }),
  certificateRotation: field(() => z.string().optional(), {
    description:
      "Where the certificate's rotation stands: absent when nothing is pending; `waiting: …` names what the switch to the new certificate waits for (the customer registering its thumbprint on the application and listing it in `registeredThumbprints`, or a fresh device code) and until when the certificate in use lasts; `switched: from A to B on <date>; …` once the organization uses the new one, saying that A can be removed from the application.",
  }),
  pendingCertificateThumbprint: field(() => z.string().optional(), {
    description: "The thumbprint of the certificate the organization is to switch to once its application trusts it; absent when it uses the newest one it is given.",
  }),
  restorePortalConsentUrl: field(() => z.string().optional(), {
    description: "Where the status is `available`: the admin-consent URL of the provider's Restore Portal application in this tenant, which the customer's global administrator opens once (docs/restore-portal.md).",
  }),
} as const;

/** The two services whose settings the organization carries, with the flag that selects each. */
export const SERVICES = { exchangeOnlineSettings: "isExchangeOnline", sharePointOnlineSettings: "isSharePointOnline" } as const;
export type Service = keyof typeof SERVICES;
export const SERVICE_NAMES = Object.keys(SERVICES) as Service[];

// One schema serves both services; built on first use (once.ts).
const settingsSchema = once(() => objectSchema(SETTINGS_FIELDS, (issue) => unknownKeys(issue, (keys) => `has unknown settings ${keys.join(", ")}`)));
