import { isDeepStrictEqual } from "node:util";
import { type RemoteOrganization, Vb365ApiError, type Vb365Client } from "../client";
import { organizationBody } from "./body";
import { SERVICE_NAMES } from "./definition";
import { reportedName } from "./identity";
import type { OrganizationPlan } from "./plan";
import type { OrganizationOutputs } from "./types";
import { updateBody } from "./update-body";

/**
 * Brings an organization whose credentials the server keeps (keepServerCredentials) to the
 * declared settings. Nothing secret is sent, because nothing secret is declared; and when the
 * declaration matches what the server reports, nothing is sent at all, so that taking over an
 * estate changes no organization. Whether a server keeps what a PUT leaves out is unconfirmed
 * (vb365-api.md §4.5): one that replaces the organization with the body would drop credentials it
 * never returns, so the certificates are read back and a loss is reported at once, naming the way
 * back.
 */
export async function updateKeepingCredentials(client: Vb365Client, current: RemoteOrganization, plan: OrganizationPlan): Promise<void> {
  const body = updateBody(current, organizationBody(plan, "update"));
  if (isDeepStrictEqual(body, updateBody(current, {}))) return;
  try {
    await client.updateOrganization(current.id, body);
  } catch (error) {
    if (error instanceof Vb365ApiError && error.status === 400) {
      throw new Error(
        `${error.message} This server wants the credentials with every update of ${reportedName(current)} (it replaces an organization with the request), ` +
          "and keepServerCredentials sends none; nothing was changed. Declare the tenant's PFX (applicationCertificate) and set keepServerCredentials: false to change its settings.",
        { cause: error },
      );
    }
    throw error;
  }
  const after = await client.getOrganization(current.id);
  const lost = SERVICE_NAMES.filter((service) => {
    const before = current[service]?.applicationCertificateThumbprint;
    return before && before.toUpperCase() !== after[service]?.applicationCertificateThumbprint?.toUpperCase();
  });
  if (lost.length > 0) {
    const thumbprints = lost.map((service) => `${service} ${current[service]?.applicationCertificateThumbprint}`).join(", ");
    throw new Error(
      `VB365 no longer reports the certificate of ${reportedName(current)} after the update (${thumbprints}): this server replaces an organization with the request ` +
        "and dropped the credentials it never returns. Backups of this tenant fail until a certificate is back: declare the tenant's PFX (applicationCertificate) " +
        "and set keepServerCredentials: false, then run the command again.",
    );
  }
}

/** The outputs with the thumbprints the server reports for each service: the record of the kept credentials. */
export function withServerThumbprints(outputs: OrganizationOutputs, remote: RemoteOrganization): OrganizationOutputs {
  const next: OrganizationOutputs = { ...outputs };
  for (const service of SERVICE_NAMES) {
    const settings = next[service];
    const thumbprint = remote[service]?.applicationCertificateThumbprint;
    if (settings && thumbprint) next[service] = { ...settings, applicationCertificateThumbprint: thumbprint.toUpperCase() };
  }
  return next;
}
