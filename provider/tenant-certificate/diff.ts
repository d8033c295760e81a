import type * as pulumi from "@pulumi/pulumi";
import { DAY_MS, SUBJECT_FIELDS } from "./limits";
import { withDefaults, plainInputs } from "./normalize";
import type { CertificateSubject, TenantCertificateInputs, TenantCertificateOutputs } from "./types";

/** What `diff` decided, with the reasons, so tests and the provider read the same thing. */
export interface TenantCertificateDiff extends pulumi.dynamic.DiffResult {
  readonly changes: boolean;
  readonly replaces: string[];
}

/**
 * `olds` are the stored OUTPUTS (the engine sends state, not old inputs), `news` the checked
 * inputs. An unknown value at preview (the engine's sentinel) never equals an old value, so it
 * shows as a change: the real decision is made again at `up`, with known values.
 *
 * Replacement creates the new certificate before deleting the old one (no deleteBeforeReplace):
 * nothing external has to be freed first, and the old one stays usable until the switch.
 */
export function diffTenantCertificate(
  olds: Partial<TenantCertificateOutputs>,
  newsWithProvider: Record<string, unknown>,
  at: Date,
): TenantCertificateDiff {
  const news = withDefaults(plainInputs(newsWithProvider) as TenantCertificateInputs);
  const replaces: string[] = [];
  let changesInPlace = false;

  if (news.importPfxBase64 !== undefined) {
    if (olds.imported !== true || news.importPfxBase64 !== olds.pfxBase64) replaces.push("importPfxBase64");
    // An imported PFX is passed on as it is, so a new password cannot be applied to it in place.
    if (news.password !== olds.password) replaces.push("password");
  } else {
    if (olds.imported === true) replaces.push("importPfxBase64");
    if (!sameSubject(news.subject, olds.subject)) replaces.push("subject");
    if (news.keySize !== olds.keySize) replaces.push("keySize");
    if (news.validityDays !== olds.validityDays) replaces.push("validityDays");
    if (news.pfxEncryption !== olds.pfxEncryption) replaces.push("pfxEncryption");
    if (isDueForRotation(olds.notAfter, news.rotateBeforeDays, at)) replaces.push("notAfter");

    // In place, the PFX is rebuilt around the same key and certificate.
    changesInPlace =
      news.friendlyName !== olds.friendlyName ||
      // Leaving the password out keeps the current one (given or generated).
      (news.password !== undefined && news.password !== olds.password) ||
      news.rotateBeforeDays !== olds.rotateBeforeDays;
  }

  return { changes: replaces.length > 0 || changesInPlace, replaces };
}

/** Inside the window of `rotateBeforeDays` before `notAfter` (or past it). */
export function isDueForRotation(notAfter: unknown, rotateBeforeDays: unknown, at: Date): boolean {
  if (typeof notAfter !== "string" || typeof rotateBeforeDays !== "number") return false;
  const expires = Date.parse(notAfter);
  if (Number.isNaN(expires)) return false;
  return at.getTime() >= expires - rotateBeforeDays * DAY_MS;
}

function sameSubject(news: CertificateSubject | undefined, olds: CertificateSubject | undefined): boolean {
  if (news === undefined || olds === undefined || typeof news !== "object" || typeof olds !== "object") {
    return news === olds;
  }
  return SUBJECT_FIELDS.every((field) => news[field] === olds[field]);
}
