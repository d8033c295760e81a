import { type KeyObject, generateKeyPair } from "node:crypto";
import * as forge from "node-forge";

export interface RsaKeyPair {
  /** For Node's crypto, which signs the certificate. Never leaves the provider process. */
  nativePrivateKey: KeyObject;
  /** The same key as forge needs it to write the PKCS#12. */
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}

/**
 * Node's native, asynchronous RSA generation: it runs on the libuv thread pool, so the event loop
 * keeps turning, and it is ~35x faster than forge's pure-JS prime search (measured on a 2-vCPU
 * machine: 4096 bits in 0.4-1.8 s natively, 10-56 s in forge's JavaScript).
 * forge's own `generateKeyPair` would pick a path by global options; calling Node directly makes
 * the native path certain.
 */
export function generateRsaKeyPair(bits: number): Promise<RsaKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair("rsa", { modulusLength: bits, publicExponent: 0x10001 }, (error, _publicKey, nativePrivateKey) => {
      if (error) {
        reject(error);
        return;
      }
      const pem = nativePrivateKey.export({ type: "pkcs8", format: "pem" }).toString();
      const privateKey = forge.pki.privateKeyFromPem(pem);
      resolve({ nativePrivateKey, privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) });
    });
  });
}
