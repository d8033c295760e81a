import type * as forge from "node-forge";
import { certificateFacts } from "./facts";
import type { PfxContents } from "./pfx";
import { fromForgeCertificate } from "./subject";
import type { CertificateSubject, NextCertificateOutputs, PfxEncryption, TenantCertificateOutputs } from "./types";

export interface GeneratedState {
  subject: CertificateSubject;
  validityDays: number;
  pfxEncryption: PfxEncryption;
  friendlyName?: string;
  rotateBeforeDays?: number;
  password: string;
  pfx: Buffer;
  certificate: forge.pki.Certificate;
}

/**
 * No next certificate: null, never left out. The Node SDK resolves an output missing from the
 * state as unknown at every preview, so whatever a program derives from it (the organization's
 * next certificate, an azuread.ApplicationCertificate's value) would show a change each time.
 */
export const NO_NEXT_CERTIFICATE: NextCertificateOutputs = { nextPfxBase64: null, nextThumbprint: null, nextCertificatePem: null, nextNotBefore: null, nextNotAfter: null };

/** Outputs echo every input that `diff` compares: it only ever sees outputs, never old inputs. */
export function generatedOutputs(state: GeneratedState): TenantCertificateOutputs {
  return {
    ...NO_NEXT_CERTIFICATE,
    pfxBase64: state.pfx.toString("base64"),
    password: state.password,
    ...certificateFacts(state.certificate),
    subject: state.subject,
    imported: false,
    validityDays: state.validityDays,
    pfxEncryption: state.pfxEncryption,
    friendlyName: state.friendlyName,
    rotateBeforeDays: state.rotateBeforeDays,
  };
}

/** The imported PFX is re-emitted byte for byte: rebuilding it could change what Windows sees. */
export function importedOutputs(pfxBase64: string, password: string, contents: PfxContents): TenantCertificateOutputs {
  return {
    ...NO_NEXT_CERTIFICATE,
    pfxBase64,
    password,
    ...certificateFacts(contents.certificate),
    subject: fromForgeCertificate(contents.certificate),
    imported: true,
    friendlyName: contents.friendlyName,
  };
}

/** The next certificate beside the current one: its PFX (secret) and its public facts, under `next…` names. */
export function nextOutputs(pfx: Buffer, certificate: forge.pki.Certificate): NextCertificateOutputs {
  const facts = certificateFacts(certificate);
  return {
    nextPfxBase64: pfx.toString("base64"),
    nextThumbprint: facts.thumbprint,
    nextCertificatePem: facts.certificatePem,
    nextNotBefore: facts.notBefore,
    nextNotAfter: facts.notAfter,
  };
}
