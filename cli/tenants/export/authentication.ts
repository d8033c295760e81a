import type { RemoteOrganization } from "../../../provider/client";
import { modeOf } from "../../../provider/organization/plan";

/** A tenant's `authentication:` as exported: the one kind that describes an organization that exists. */
export interface ExportedAuthentication {
  kind: "existingApplication" | "basic" | "modernWithLegacy";
  applicationId?: string;
  account?: string;
}

export interface AuthenticationExport {
  authentication: ExportedAuthentication;
  /** The YAML comment above `authentication:`, when there is something the user must know or add. */
  note?: string;
  /** For stderr and --json: what the user must do before the entry can be used. */
  warning?: string;
}

type Settings = NonNullable<RemoteOrganization["exchangeOnlineSettings"]>;

/**
 * What the server reports, as the tenants file says it. Whichever way the organization was added
 * (VB365 registered a new application, it configured an existing one, or the customer did), it
 * now has an application, and with the server's credentials kept (`certificate: keep`) it is
 * `existingApplication` with that application's id: newApplication and configureApplication
 * would ask for a device code that has nothing left to do. Basic authentication and modern
 * authentication with legacy protocols keep their kind: their passwords and secrets never leave
 * the server, and certificate: keep sends none.
 */
export function exportedAuthentication(organization: RemoteOrganization, organizationName: string): AuthenticationExport {
  const exchange = organization.isExchangeOnline ? (organization.exchangeOnlineSettings ?? undefined) : undefined;
  const sharePoint = organization.isSharePointOnline ? (organization.sharePointOnlineSettings ?? undefined) : undefined;
  const first: Settings = exchange ?? sharePoint ?? organization.exchangeOnlineSettings ?? organization.sharePointOnlineSettings ?? {};
  const mode = modeOf({ useApplicationOnlyAuth: first.useApplicationOnlyAuth ?? undefined, useMfa: first.useMfa ?? undefined });
  const account = (exchange ?? first).account ?? undefined;
  if (mode !== "applicationOnly") return inexpressible(mode, account, first.applicationId ?? undefined, organizationName);

  const applicationIds = [...new Set([exchange?.applicationId, sharePoint?.applicationId, first.applicationId].filter((id): id is string => Boolean(id)))];
  const [applicationId] = applicationIds;
  if (!applicationId) {
    return {
      authentication: { kind: "existingApplication", ...(account ? { account } : {}) },
      note: "VB365 reports no Entra application for this organization. Add its applicationId (Entra admin center, App registrations) before pulumi preview, which refuses the entry until then.",
      warning: `${organizationName}: VB365 reports no application for it; add authentication.applicationId before pulumi preview.`,
    };
  }
  const notes: string[] = [];
  let warning: string | undefined;
  if (applicationIds.length > 1) {
    notes.push(
      `VB365 reports application ${exchange?.applicationId} for Exchange and ${sharePoint?.applicationId} for SharePoint; the tenants file has one for both, so pulumi up would move the other service to ${applicationId}. Check which is right.`,
    );
    warning = `${organizationName}: Exchange and SharePoint use different applications (${applicationIds.join(", ")}); the tenants file holds one, ${applicationId}. Check it before pulumi up.`;
  }
  if (!account) notes.push(`VB365 reports no Exchange account: without account: the program sends veeam-backup@${organizationName}. Set the account VB365 should work as, if another.`);
  return { authentication: { kind: "existingApplication", applicationId, ...(account ? { account } : {}) }, note: notes.join("\n") || undefined, warning };
}

/**
 * Basic authentication and modern authentication with legacy protocols: taken over as they are,
 * with the server's password and secret kept (certificate: keep). Without the account, or the
 * application for legacy protocols, the entry is written without it, for the program to refuse
 * naming the field.
 */
function inexpressible(mode: "modernWithLegacy" | "basic", account: string | undefined, applicationId: string | undefined, organizationName: string): AuthenticationExport {
  const authentication: ExportedAuthentication = { kind: mode, ...(mode === "modernWithLegacy" && applicationId ? { applicationId } : {}), ...(account ? { account } : {}) };
  const missing = [...(account ? [] : ["account"]), ...(mode === "modernWithLegacy" && !applicationId ? ["applicationId"] : [])];
  const what = mode === "basic" ? "basic authentication" : "modern authentication with legacy protocols";
  const note =
    `VB365 has this organization with ${what}: it is taken over with the password${mode === "basic" ? "" : " and client secret"} the server keeps (certificate: keep), ` +
    "which never leave it. To move it to modern app-only authentication later, give it an Entra application (kind existingApplication) and a certificate of its own.";
  if (missing.length === 0) return { authentication, note };
  return {
    authentication,
    note: `${note} VB365 reports no ${missing.join(" and ")} for it: add ${missing.length === 1 ? "it" : "them"} before pulumi preview, which refuses the entry until then.`,
    warning: `${organizationName}: VB365 has it with ${what} but reports no ${missing.join(" and ")}; add authentication.${missing.join(" and authentication.")} before pulumi preview.`,
  };
}
