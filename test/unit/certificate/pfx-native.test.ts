import { createSecureContext } from "node:tls";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import { type CheckedPfx, checkPfx } from "../../../provider/common/pfx-bounds";
import { openPfxNatively } from "../../../provider/common/pfx-native";
import { certificateFacts } from "../../../provider/tenant-certificate/facts";
import { generateTenantCertificate } from "../../../provider/tenant-certificate/generate";
import { readPfx } from "../../../provider/tenant-certificate/pfx";
import type { PfxEncryption } from "../../../provider/tenant-certificate/types";

const PASSWORD = "Pfx-Passw0rd-for-tests!";

function checked(pfx: Buffer, password: string): CheckedPfx {
  const check = checkPfx(pfx, password, "the PFX");
  if (check.problem) throw new Error(check.problem.reason);
  return check.pfx;
}

describe("opening a PFX with Node's OpenSSL", () => {
  const pfxFiles = new Map<PfxEncryption, Buffer>();

  before(async () => {
    for (const pfxEncryption of ["3des", "aes256"] as PfxEncryption[]) {
      const { pfx } = await generateTenantCertificate({ subject: { commonName: `native-${pfxEncryption}` }, keySize: 2048, validityDays: 30, password: PASSWORD, pfxEncryption, at: new Date() });
      pfxFiles.set(pfxEncryption, pfx);
    }
  });

  it("still finds the undocumented getCertificate() on Node's SecureContext", () => {
    // If this fails, every PFX goes through forge: remove the probe, or find Node's new way.
    const context = createSecureContext({ pfx: pfxFiles.get("3des"), passphrase: PASSWORD }).context as { getCertificate?: unknown };
    expect(typeof context.getCertificate).to.equal("function");
  });

  for (const encryption of ["3des", "aes256"] as PfxEncryption[]) {
    it(`reads the thumbprint and expiry forge reads from the provider's own ${encryption} PFX`, () => {
      const pfx = pfxFiles.get(encryption)!;
      const reading = readPfx(pfx, PASSWORD);
      if (reading.problem) throw new Error(reading.problem.reason);
      expect(openPfxNatively(checked(pfx, PASSWORD))).to.deep.equal({
        thumbprint: certificateFacts(reading.contents.certificate).thumbprint,
        notAfter: reading.contents.certificate.validity.notAfter,
      });
    });
  }

  it("leaves a wrong password to forge, which explains it", () => {
    expect(openPfxNatively(checked(pfxFiles.get("3des")!, "not-the-password"))).to.equal(undefined);
  });
});
