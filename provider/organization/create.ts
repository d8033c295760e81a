import { type ConnectionSettings, type RemoteOrganization, Vb365ApiError, Vb365ConnectionError } from "../client";
import { organizationBody } from "./body";
import { organizationName, usedServices } from "./rules";
import type { ConnectionPool } from "./runtime";
import type { OrganizationInputs, ServiceConnectionState } from "./types";

const MAX_ATTEMPTS = 4;

/**
 * Adds the organization, or adopts it when asked to. POST is not repeatable blindly (a second
 * POST could add the organization twice, and the device code is single-use), so after any
 * failure that may have happened after the server acted, the server is asked first: if the
 * organization is there, it is adopted; only if it is not is the POST sent again.
 */
export async function createOrganization(pool: ConnectionPool, settings: ConnectionSettings, inputs: OrganizationInputs): Promise<RemoteOrganization> {
  const client = pool.client(settings);
  if (inputs.adoptExisting) {
    const existing = findByIdentity(await pool.list(settings), inputs);
    if (existing) {
      await client.updateOrganization(existing.id, organizationBody(inputs, "update"));
      pool.forget(settings);
      return existing;
    }
  }
  // Set once an attempt of this call failed without telling whether the server acted.
  let ambiguous = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await client.createOrganization(organizationBody(inputs, "create"));
      pool.forget(settings);
      return created;
    } catch (error) {
      if (isRefusal(error)) {
        // Refused, perhaps because the organization is already there: 409 for its name, or 400
        // for the device code that made it. If it carries this tenant's own certificate, an
        // earlier run created it and was interrupted before the state was saved: take it back.
        // After an ambiguous attempt of this very call, the name is proof enough: it is the
        // organization that attempt added.
        const organizations = await pool.list(settings);
        const ours = ambiguous ? findByIdentity(organizations, inputs) : findByCertificate(organizations, inputs);
        if (ours) return ours;
        throw isConflict(error) ? withAdoptionHint(error) : error;
      }
      if (!mayRetry(error) || attempt >= MAX_ATTEMPTS) throw error;
      ambiguous = true;
      const recovered = findByIdentity(await pool.list(settings), inputs);
      if (recovered) return recovered;
      await sleep(backoff(error, attempt));
    }
  }
}

function isConflict(error: unknown): error is Vb365ApiError {
  return error instanceof Vb365ApiError && error.status === 409;
}

function isRefusal(error: unknown): boolean {
  return error instanceof Vb365ApiError && (error.status === 409 || error.status === 400);
}

/**
 * A 409 that is not ours to resolve: without a tenant certificate (basic authentication, legacy
 * protocols) nothing proves that this stack made the organization, so the user decides.
 */
function withAdoptionHint(error: Vb365ApiError): Error {
  return new Error(
    `${error.message} If an interrupted run of this stack added it, set adoptExisting: true on this organization and run again; ` +
      "otherwise remove it from VB365 or from the program.",
    { cause: error },
  );
}

/** Failures after which the organization may or may not exist, or that a later try may pass. */
function mayRetry(error: unknown): boolean {
  if (error instanceof Vb365ConnectionError) return ["connection_reset", "timeout", "network"].includes(error.code);
  return error instanceof Vb365ApiError && (error.status === 429 || error.status >= 500);
}

function backoff(error: unknown, attempt: number): number {
  const retryAfter = error instanceof Vb365ApiError ? error.retryAfterMs : undefined;
  return Math.min(retryAfter ?? 500 * 2 ** (attempt - 1), 30_000);
}

/**
 * The organization these inputs describe, if the server has it: the same application
 * certificate (each tenant has its own, so its thumbprint identifies the tenant) or the same
 * Microsoft 365 name.
 */
export function findByIdentity(organizations: RemoteOrganization[], inputs: OrganizationInputs): RemoteOrganization | undefined {
  const name = organizationName(inputs)?.toLowerCase();
  return (
    findByCertificate(organizations, inputs) ??
    organizations.find((organization) => !!name && [organization.name, organization.officeName].some((candidate) => candidate?.toLowerCase() === name))
  );
}

/** The organization that uses this tenant's application certificate, if any. */
function findByCertificate(organizations: RemoteOrganization[], inputs: OrganizationInputs): RemoteOrganization | undefined {
  const thumbprints = usedServices(inputs)
    .map((service) => (inputs[service] as ServiceConnectionState | undefined)?.applicationCertificateThumbprint?.toUpperCase())
    .filter((thumbprint): thumbprint is string => !!thumbprint);
  if (!thumbprints.length) return undefined;
  return organizations.find((organization) =>
    [organization.exchangeOnlineSettings, organization.sharePointOnlineSettings].some((settings) =>
      thumbprints.includes(settings?.applicationCertificateThumbprint?.toUpperCase() ?? ""),
    ),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
