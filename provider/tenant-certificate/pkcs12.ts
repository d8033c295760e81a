import * as forge from "node-forge";
import type { PfxEncryption } from "./types";

export interface PfxRequest {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  password: string;
  encryption: PfxEncryption;
  friendlyName?: string;
}

/** forge's option type lacks `prfAlgorithm`, which its pbe.js does read. */
type Pkcs12Options = Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3] & { prfAlgorithm?: "sha256" };

/**
 * Exactly one key and its certificate, tied by a localKeyID (the thumbprint): Windows pairs key
 * and certificate by that ID, so the PFX must never hold anything else.
 */
export function buildPfx(request: PfxRequest): Buffer {
  const options: Pkcs12Options = {
    // forge defaults to aes128, which no Windows default matches; 3DES is what Windows exports.
    algorithm: request.encryption,
    generateLocalKeyId: true,
    // 2048 is forge's and OpenSSL's default, far below .NET's import limits.
    count: 2048,
  };
  // With AES, match Windows' own AES256-SHA256 export: PBKDF2 with HMAC-SHA256.
  if (request.encryption === "aes256") options.prfAlgorithm = "sha256";
  if (request.friendlyName !== undefined) options.friendlyName = request.friendlyName;
  const asn1 = forge.pkcs12.toPkcs12Asn1(request.privateKey, [request.certificate], request.password, options);
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}
