import type * as forge from "node-forge";
import { buildCertificate } from "./certificate";
import { generateRsaKeyPair } from "./keypair";
import { buildPfx } from "./pkcs12";
import type { CertificateSubject, KeySize, PfxEncryption } from "./types";

export interface GenerateRequest {
  subject: CertificateSubject;
  keySize: KeySize;
  validityDays: number;
  friendlyName?: string;
  password: string;
  pfxEncryption: PfxEncryption;
  at: Date;
}

export interface GeneratedCertificate {
  pfx: Buffer;
  certificate: forge.pki.Certificate;
}

/** New key, self-signed certificate, PFX. The private key lives only inside the encrypted PFX. */
export async function generateTenantCertificate(request: GenerateRequest): Promise<GeneratedCertificate> {
  const keyPair = await generateRsaKeyPair(request.keySize);
  const certificate = buildCertificate({
    subject: request.subject,
    validityDays: request.validityDays,
    keyPair,
    at: request.at,
  });
  const pfx = buildPfx({
    privateKey: keyPair.privateKey,
    certificate,
    password: request.password,
    encryption: request.pfxEncryption,
    ...(request.friendlyName === undefined ? {} : { friendlyName: request.friendlyName }),
  });
  return { pfx, certificate };
}
