import type { EntraDirectory } from "./entra";
import { clientAssertionKeyNotFound } from "./errors";
import type { StoredConnectionSettings, StoredOrganization } from "./model";
import type { ConnectionSettingsBody } from "./routes/organization-body";

// How an organization's app-only credentials meet Entra's trust (entra.ts): VB365 signs its
// client assertion with the organization's certificate, and Entra accepts it only when the
// application has that certificate ("Before using an existing certificate, make sure to register
// this certificate in Microsoft Entra ID", Veeam user guide; AADSTS700027 otherwise).

type SettingsName = "exchangeOnlineSettings" | "sharePointOnlineSettings";

/** What an organization or a draft of one holds of its Microsoft 365 connection. */
export type SignsInToEntra = Pick<StoredOrganization, "isExchangeOnline" | "isSharePointOnline" | SettingsName>;

export interface EntraCredential {
  where: SettingsName;
  applicationId: string;
  thumbprint: string;
}

/** One credential of one organization in the trust report; `settings` names where it is used. */
export interface TrustReportEntry {
  id: string;
  name: string;
  applicationId: string;
  thumbprint: string;
  trusted: boolean;
  settings: SettingsName[];
}

/**
 * The application and certificate each selected online service signs in with under modern
 * app-only authentication. Basic and legacy-protocol logins are left out (decided): they sign in
 * as an account, and the trust model only covers app-only sign-in.
 */
export function entraCredentials(organization: SignsInToEntra): EntraCredential[] {
  const selected: Array<readonly [SettingsName, StoredConnectionSettings | null]> = [];
  if (organization.isExchangeOnline) selected.push(["exchangeOnlineSettings", organization.exchangeOnlineSettings]);
  if (organization.isSharePointOnline) selected.push(["sharePointOnlineSettings", organization.sharePointOnlineSettings]);
  return selected.flatMap(([where, settings]) =>
    settings?.useApplicationOnlyAuth && settings.applicationId && settings.applicationCertificateThumbprint
      ? [{ where, applicationId: settings.applicationId, thumbprint: settings.applicationCertificateThumbprint }]
      : [],
  );
}

/**
 * The credentials a request makes VB365 sign in with anew: all of them on POST; on PUT those whose
 * settings carry a certificate or whose application or certificate changed. A PUT that keeps the
 * organization's credentials is not re-verified (decided; whether VB365 signs in again then is
 * undocumented): an organization whose credentials Entra stopped trusting shows in the trust report.
 */
export function presentedCredentials(
  draft: SignsInToEntra,
  body: Partial<Record<SettingsName, ConnectionSettingsBody | null | undefined>>,
  existing: StoredOrganization | null,
): EntraCredential[] {
  const before = existing ? entraCredentials(existing) : [];
  return entraCredentials(draft).filter((credential) => {
    if (!existing) return true;
    const sent = body[credential.where]?.applicationCertificate;
    if (sent !== undefined && sent !== null && sent.trim() !== "") return true;
    const stored = before.find((other) => other.where === credential.where);
    return stored?.applicationId !== credential.applicationId || stored.thumbprint !== credential.thumbprint;
  });
}

/** Refuses the first credential the application does not trust, as Entra refuses the sign-in (AADSTS700027). */
export function requireTrusted(directory: EntraDirectory, organizationName: string, credentials: readonly EntraCredential[]): void {
  for (const credential of credentials) {
    if (!directory.trusts(credential.applicationId, organizationName, credential.thumbprint)) {
      throw clientAssertionKeyNotFound(credential.thumbprint, credential.applicationId);
    }
  }
}

/** Per organization and credential: would its sign-in succeed now. Organizations without app-only credentials are left out. */
export function trustReport(directory: EntraDirectory, organizations: readonly StoredOrganization[]): TrustReportEntry[] {
  return organizations.flatMap((organization) => {
    const entries: TrustReportEntry[] = [];
    for (const credential of entraCredentials(organization)) {
      const same = entries.find((entry) => entry.applicationId === credential.applicationId && entry.thumbprint === credential.thumbprint);
      if (same) {
        same.settings.push(credential.where);
        continue;
      }
      entries.push({
        id: organization.id,
        name: organization.name,
        applicationId: credential.applicationId,
        thumbprint: credential.thumbprint,
        trusted: directory.trusts(credential.applicationId, organization.name, credential.thumbprint),
        settings: [credential.where],
      });
    }
    return entries;
  });
}
