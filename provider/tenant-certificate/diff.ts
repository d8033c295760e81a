import type * as pulumi from "@pulumi/pulumi";
import { SUBJECT_FIELDS } from "./limits";
import { namesWhere } from "../common/definition";
import { TENANT_CERTIFICATE_FIELDS } from "./definition";
import { withDefaults, plainInputs } from "./normalize";
import { rotationStep } from "./rotation";
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
 * nothing external has to be freed first, and the old one stays usable until the switch. A
 * rotation is no replacement: the next certificate is made, and later promoted, in place
 * (rotation.ts), so the one in use is never dropped before it has expired.
 */
export function diffTenantCertificate(
  olds: Partial<TenantCertificateOutputs>,
  newsWithProvider: Record<string, unknown>,
  at: Date,
): TenantCertificateDiff {
  const news = withDefaults(plainInputs(newsWithProvider) as TenantCertificateInputs);
  const replaces: string[] = [];
  let changesInPlace = false;
  const stored: Record<string, unknown> = olds;

  if (news.importPfxBase64 !== undefined) {
    if (olds.imported !== true || news.importPfxBase64 !== olds.pfxBase64) replaces.push("importPfxBase64");
    // An imported PFX is passed on as it is, so a new password cannot be applied to it in place.
    if (news.password !== olds.password) replaces.push("password");
  } else {
    if (olds.imported === true) replaces.push("importPfxBase64");
    replaces.push(...GENERATED_REPLACING.filter((key) => changed(key, stored[key], news[key])));
    // In place, the PFX is rebuilt around the same key and certificate; a rotation step adds or promotes the next one.
    changesInPlace = IN_PLACE.some((key) => changed(key, stored[key], news[key])) || rotationStep(olds, news.rotateBeforeDays, at) !== undefined;
  }

  return { changes: replaces.length > 0 || changesInPlace, replaces };
}

/** What replaces a generated certificate; importPfxBase64 is the other mode, judged above. */
const GENERATED_REPLACING = namesWhere(TENANT_CERTIFICATE_FIELDS, (candidate) => candidate.change === "replace").filter((key) => key !== "importPfxBase64");
const IN_PLACE = namesWhere(TENANT_CERTIFICATE_FIELDS, (candidate) => candidate.change === "update");

function changed(key: keyof TenantCertificateInputs, before: unknown, after: unknown): boolean {
  if (after === undefined && TENANT_CERTIFICATE_FIELDS[key].keptWhenAbsent) return false;
  // An object (the subject) is the same when each of its fields is.
  if (typeof after === "object" || typeof before === "object") return !sameSubject(after as CertificateSubject | undefined, before as CertificateSubject | undefined);
  return after !== before;
}

function sameSubject(news: CertificateSubject | undefined, olds: CertificateSubject | undefined): boolean {
  if (news === undefined || olds === undefined || typeof news !== "object" || typeof olds !== "object") {
    return news === olds;
  }
  return SUBJECT_FIELDS.every((field) => news[field] === olds[field]);
}
