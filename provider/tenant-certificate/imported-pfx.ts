import { createHash } from "node:crypto";
import { KeptReadings } from "../common/kept-readings";
import { openedCertificates } from "../common/opened-certificates";
import { pfxBase64SizeProblem } from "../common/pfx-bounds";
import { certificateDer } from "./facts";
import { type PfxReading, readPfx, TENANT_CERTIFICATE_FIELDS } from "./pfx";

/**
 * How many readings are kept. The engine checks a resource and creates it moments later in the
 * same provider process, with only the checks of the resources declared in between: a few dozen
 * at most, so the reading check made is still there when create needs it.
 */
const KEPT_READINGS = 64;

const readings = new KeptReadings<PfxReading>(KEPT_READINGS);

/**
 * An imported PFX (`importPfxBase64` with its `password`), read with node-forge: the reading
 * `check` makes is kept for `create`, which would otherwise decrypt the same PFX again, and what
 * an organization needs of it (opened-certificates.ts) for the organization that takes these
 * bytes, at preview as at up. A text beyond the PFX size bound is refused before it is decoded.
 */
export function readImportedPfx(pfxBase64: string, password: string): PfxReading {
  const field = TENANT_CERTIFICATE_FIELDS.pfx;
  const tooLarge = pfxBase64SizeProblem(pfxBase64, field);
  if (tooLarge) return { problem: { property: field, reason: tooLarge.reason } };
  return readings.getOrRead(pfxBase64, password, () => {
    const reading = readPfx(Buffer.from(pfxBase64, "base64"), password);
    if (reading.contents) {
      const { certificate } = reading.contents;
      const thumbprint = createHash("sha1").update(certificateDer(certificate)).digest("hex").toUpperCase();
      openedCertificates.set(pfxBase64, password, { thumbprint, notAfter: certificate.validity.notAfter });
    }
    return reading;
  });
}
