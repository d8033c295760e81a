import type { RestorePortalSettings } from "../client";
import type { AuthenticationKind, Region } from "./types";

/** What a tenant's Restore Portal outputs say: whether it can use the portal, and the customer's one step. */
export interface RestorePortalOutputs {
  /** Starts with `available`, `unavailable`, `disabled` or `unknown`, then says why in words. */
  restorePortalStatus: string;
  restorePortalConsentUrl?: string;
}

/** The server's settings, or why they could not be read (the organization itself is unaffected). */
export type RestorePortalAnswer = { settings: RestorePortalSettings } | { failure: string };

// Sign-in hosts of the Entra clouds VB365's regions name, for a server that reports no authority.
const SIGN_IN_HOST: Record<Region, string> = {
  Worldwide: "https://login.microsoftonline.com",
  Germany: "https://login.microsoftonline.de",
  China: "https://login.chinacloudapi.cn",
  USGovernment: "https://login.microsoftonline.us",
  USDefence: "https://login.microsoftonline.us",
};

const NOT_APP_ONLY: Partial<Record<AuthenticationKind, string>> = {
  basic: "basic authentication",
  modernWithLegacy: "modern authentication with legacy protocols",
};

/** Why a tenant of this authentication kind cannot use the portal; undefined when it can. */
export function portalUnavailable(kind: AuthenticationKind): RestorePortalOutputs | undefined {
  const legacy = NOT_APP_ONLY[kind];
  if (!legacy) return undefined;
  return { restorePortalStatus: `unavailable: the organization is added with ${legacy}; the Restore Portal serves only organizations added with modern app-only authentication.` };
}

/**
 * The Restore Portal step of one tenant (vb365-api.md §4.6, §9): the portal serves only
 * organizations added with modern app-only authentication (portalUnavailable), and a service provider's customer
 * grants admin consent to the provider's multi-tenant portal application once. The consent URL is
 * Microsoft identity platform's admin-consent endpoint in the tenant's own directory (named by its
 * *.onmicrosoft.com name, as Veeam's restore-operator sign-in names it), landing on the portal.
 */
export function restorePortalOf(organizationName: string | undefined, region: Region | undefined, answer: RestorePortalAnswer): RestorePortalOutputs {
  if ("failure" in answer) return { restorePortalStatus: `unknown: ${answer.failure}` };
  const { settings } = answer;
  if (!settings.isEnabled) {
    return { restorePortalStatus: "disabled: the Restore Portal is not enabled on this VB365 server (Set-VBORestorePortalSettings -EnableService on the server), then run `pulumi refresh`." };
  }
  if (!settings.applicationId) return { restorePortalStatus: "unknown: the server reports the Restore Portal enabled but no applicationId." };
  if (!organizationName) return { restorePortalStatus: "unknown: the organization's Microsoft 365 name is not known yet; run `pulumi refresh`." };
  const query = new URLSearchParams({ client_id: settings.applicationId });
  if (settings.restorePortalUri) query.set("redirect_uri", settings.restorePortalUri);
  return {
    restorePortalStatus: "available: the customer's global administrator grants consent once at restorePortalConsentUrl; restore operators then sign in to the portal.",
    restorePortalConsentUrl: `${signInHost(settings.msalAuthorityUri, region)}/${encodeURIComponent(organizationName)}/adminconsent?${query.toString()}`,
  };
}

function signInHost(authority: string | null | undefined, region: Region | undefined): string {
  if (authority) {
    try {
      const { origin } = new URL(authority);
      if (origin.startsWith("https://")) return origin;
    } catch {
      // Not a URL: the region's cloud below.
    }
  }
  return SIGN_IN_HOST[region ?? "Worldwide"];
}
