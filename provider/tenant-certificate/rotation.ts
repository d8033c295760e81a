import { DAY_MS } from "./limits";
import type { TenantCertificateOutputs } from "./types";

/**
 * What a generated certificate's rotation asks for now, on the provider's clock:
 * - `makeNext`: inside the `rotateBeforeDays` window (or past `notAfter`) and no next one yet:
 *   the next certificate is made beside the current one, which stays in use;
 * - `promote`: the current one has expired and a next one is there: it becomes the current one
 *   and the expired one goes (the organization switched long before: nobody can use it any more);
 * - undefined: nothing to do.
 * An imported certificate is never rotated by the provider: a new PFX from the user replaces it.
 */
export type RotationStep = "makeNext" | "promote";

export function rotationStep(olds: Partial<TenantCertificateOutputs>, rotateBeforeDays: unknown, at: Date): RotationStep | undefined {
  if (olds.imported === true) return undefined;
  if (olds.nextThumbprint) return hasExpired(olds.notAfter, at) ? "promote" : undefined;
  return isDueForRotation(olds.notAfter, rotateBeforeDays, at) ? "makeNext" : undefined;
}

/** Inside the window of `rotateBeforeDays` before `notAfter` (or past it). */
export function isDueForRotation(notAfter: unknown, rotateBeforeDays: unknown, at: Date): boolean {
  if (typeof rotateBeforeDays !== "number") return false;
  const expires = timeOf(notAfter);
  return expires !== undefined && at.getTime() >= expires - rotateBeforeDays * DAY_MS;
}

export function hasExpired(notAfter: unknown, at: Date): boolean {
  const expires = timeOf(notAfter);
  return expires !== undefined && at.getTime() >= expires;
}

function timeOf(iso: unknown): number | undefined {
  if (typeof iso !== "string") return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}
