import { expect } from "chai";
import { before, describe, it } from "mocha";
import { openPfx } from "../../../emulator/certificate";
import { ApiError } from "../../../emulator/errors";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";
import { checkPfx } from "../../../provider/common/pfx-bounds";
import { checkOrganization } from "../../../provider/organization/check";
import { readApplicationCertificate } from "../../../provider/organization/certificate";
import { checkTenantCertificate } from "../../../provider/tenant-certificate/check";
import { generateTenantCertificate } from "../../../provider/tenant-certificate/generate";
import { readImportedPfx } from "../../../provider/tenant-certificate/imported-pfx";
import { readPfx } from "../../../provider/tenant-certificate/pfx";
import { AT_THE_LIMITS, costlyPfx, JAVA_KEYTOOL_BEFORE_12 } from "../../helpers/costly-pfx";
import { deeplyNested, HOSTILE_COUNT, withCopiesOfKey, withKeyInsideEncryptedContents, withKeyIterations, withMacIterations } from "../../helpers/hostile-pfx";
import { existingApplicationInputs, sharedCertificateInputs, type TestPfx } from "../../helpers/tenant-fixtures";
import { thrown } from "../../helpers/rejection";

const PASSWORD = "Pfx-Passw0rd-for-tests!";
/** The bound; unbounded, each of these PFX files holds its reader for hours. */
const QUICKLY_MS = 2_000;

function countMessage(subject: string, asked: string, place: string): string {
  return `${subject} asks for ${asked} of key derivation for ${place}; a PFX may ask for 1 to 100,000 iterations in each derivation (OpenSSL writes 2,048, Windows 2,000, Java's keytool 10,000): export it again with its tool's default count.`;
}

function workMessage(subject: string, counted: string): string {
  return `${subject} needs more than 500,000 iterations of key derivation to be read, the most a PFX may need (${counted} counted so far, each count taken for each hash block of its key and IV and for each password tried, by the check and by the reading, and weighed by its hash's cost beside SHA-1's); a key with its certificates needs 8,000 to 40,000 from OpenSSL, Windows or this provider, 195,000 from Java's keytool and 450,000 from Java's keytool before Java 12: export it again with its tool's default count.`;
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

describe("PFX bounds: sizes and iteration counts refused before any key derivation", () => {
  let tripleDes: Buffer;
  let aes: Buffer;

  before(async () => {
    const made = async (pfxEncryption: "3des" | "aes256") =>
      (await generateTenantCertificate({ subject: { commonName: `bounds-${pfxEncryption}` }, keySize: 2048, validityDays: 30, password: PASSWORD, pfxEncryption, at: new Date() })).pfx;
    tripleDes = await made("3des");
    aes = await made("aes256");
  });

  describe("readPfx (TenantCertificate's importPfxBase64)", () => {
    it("refuses a MAC iteration count of 2^31-1, naming the field, without deriving", () => {
      const { result, ms } = timed(() => readPfx(withMacIterations(tripleDes, HOSTILE_COUNT), PASSWORD));
      expect(result).to.deep.equal({ problem: { property: "importPfxBase64", reason: countMessage("importPfxBase64", "2,147,483,647 iterations", "its integrity check (MAC)") } });
      expect(ms).to.be.below(QUICKLY_MS);
    });

    it("refuses a PKCS#12 PBE count of 2^31-1 on the shrouded key of a whole, sealed PFX", () => {
      const { result, ms } = timed(() => readPfx(withKeyIterations(tripleDes, PASSWORD, HOSTILE_COUNT), PASSWORD));
      expect(result.problem?.reason).to.equal(countMessage("importPfxBase64", "2,147,483,647 iterations", "its private key (PKCS#12 PBE)"));
      expect(ms).to.be.below(QUICKLY_MS);
    });

    it("refuses a PBKDF2 count of 2^31-1 on the key of an AES-256 PFX", () => {
      const { result, ms } = timed(() => readPfx(withKeyIterations(aes, PASSWORD, HOSTILE_COUNT), PASSWORD));
      expect(result.problem?.reason).to.equal(countMessage("importPfxBase64", "2,147,483,647 iterations", "its private key (PBKDF2)"));
      expect(ms).to.be.below(QUICKLY_MS);
    });

    it("reads the count of a key inside encrypted contents by decrypting them first, and still calls a wrong password wrong", () => {
      const hostile = withKeyInsideEncryptedContents(aes, PASSWORD, 2048, HOSTILE_COUNT);
      const { result, ms } = timed(() => readPfx(hostile, PASSWORD));
      expect(result.problem?.reason).to.equal(countMessage("importPfxBase64", "2,147,483,647 iterations", "its private key (PBKDF2)"));
      expect(ms).to.be.below(QUICKLY_MS);
      expect(readPfx(hostile, "not-the-password").problem).to.deep.equal({
        property: "password",
        reason: "password does not open the PFX in importPfxBase64: its integrity check (MAC) failed, which means the password is wrong.",
      });
      // The same nesting with a usual count is read as any PFX.
      expect(readPfx(withKeyInsideEncryptedContents(aes, PASSWORD, 2048, 2048), PASSWORD).problem).to.equal(undefined);
    });

    it("takes 1 to 100,000 iterations per derivation, and refuses 100,001, zero and counts beyond 2^64", () => {
      const reason = (count: bigint) => checkPfx(withMacIterations(tripleDes, count), PASSWORD, "importPfxBase64").problem?.reason;
      expect(reason(1n)).to.equal(undefined);
      expect(reason(100_000n)).to.equal(undefined);
      expect(reason(100_001n)).to.equal(countMessage("importPfxBase64", "100,001 iterations", "its integrity check (MAC)"));
      expect(reason(0n)).to.equal(countMessage("importPfxBase64", "0 iterations", "its integrity check (MAC)"));
      expect(reason(2n ** 80n)).to.equal(countMessage("importPfxBase64", "more than 2^64 iterations", "its integrity check (MAC)"));
    });

    it("refuses more than 8 places of derivation", () => {
      expect(checkPfx(withCopiesOfKey(tripleDes, PASSWORD, 7), PASSWORD, "importPfxBase64").problem).to.equal(undefined);
      expect(checkPfx(withCopiesOfKey(tripleDes, PASSWORD, 8), PASSWORD, "importPfxBase64").problem?.reason).to.equal(
        "importPfxBase64 asks for more than 8 key derivations (its MAC, each encrypted part and each private key); a PFX may ask for at most 8, and a key with its certificates asks for 3: export the certificate with its own key and chain only.",
      );
    });

    it("counts the key and the IV of each PKCS#12 PBE: two 3DES keys at 83,334 iterations are refused", () => {
      // MAC 2,048 + 2 keys × 3 chains (a 24-byte key takes two SHA-1 blocks, the IV one) × 83,334.
      const twoKeys = withKeyIterations(withCopiesOfKey(tripleDes, PASSWORD, 2), PASSWORD, 83_334);
      expect(readPfx(twoKeys, PASSWORD).problem).to.deep.equal({ property: "importPfxBase64", reason: workMessage("importPfxBase64", "502,052") });
    });

    it("counts each password the check tries: a non-ASCII one and its UTF-8 for contents under PBKDF2, weighed as HMAC-SHA-512", async () => {
      const password = "Pässwort-für-Tests";
      const pfx = (await generateTenantCertificate({ subject: { commonName: "bounds-latin" }, keySize: 2048, validityDays: 30, password, pfxEncryption: "3des", at: new Date() })).pfx;
      // MAC 2,048 + key 3 × 2,048 + contents 11,000 × 15 (HMAC-SHA-512) × 3 (two tries by the check, one by the reading).
      const contents = costlyPfx(pfx, password, { macCount: 2048, key: { algorithm: "3des", count: 2048 }, keyContents: { algorithm: "aes256-sha512", count: 11_000 } });
      expect(readPfx(contents, password).problem).to.deep.equal({ property: "importPfxBase64", reason: workMessage("importPfxBase64", "503,192") });
    });

    it("counts an empty password twice, and none beside it, for contents under PKCS#12 PBE", () => {
      // MAC 2,048 × 2 + contents 3 × 41,000 × 4 (the check: empty and none; the reading: the same) + the key inside 3 × 2,048 × 2.
      const emptyPassword = withKeyInsideEncryptedContents(tripleDes, "", 41_000, 2048);
      expect(checkPfx(emptyPassword, "", "importPfxBase64").problem?.reason).to.equal(workMessage("importPfxBase64", "508,384"));
    });

    // How long the worst admitted PFX takes is the hostile-input reliability case's to judge, against the 2 s.
    it("reads the worst PFX the bounds admit and refuses it with one iteration more; what Java's keytool wrote before Java 12 is admitted", () => {
      const worst = costlyPfx(tripleDes, PASSWORD, AT_THE_LIMITS);
      expect(readPfx(worst, PASSWORD).problem).to.equal(undefined);
      expect(readPfx(withMacIterations(worst, AT_THE_LIMITS.macCount + 1), PASSWORD).problem?.reason).to.equal(workMessage("importPfxBase64", "500,001"));
      // The costliest of the tools' defaults: 450,000.
      expect(checkPfx(costlyPfx(tripleDes, PASSWORD, JAVA_KEYTOOL_BEFORE_12), PASSWORD, "importPfxBase64").problem).to.equal(undefined);
    });

    it("refuses a PFX of more than 64 KiB, and a 20 MB base64 text before decoding it", () => {
      expect(readPfx(Buffer.alloc(65_537), PASSWORD).problem?.reason).to.equal(
        "importPfxBase64 is 65,537 bytes long once decoded; a PFX of at most 65,536 bytes (64 KiB) is accepted, and a certificate with its key and chain takes a few KB.",
      );
      const { result, ms } = timed(() => readImportedPfx("A".repeat(20_000_000), PASSWORD));
      expect(result.problem).to.deep.equal({
        property: "importPfxBase64",
        reason: "importPfxBase64 is about 15,000,000 bytes long once decoded; a PFX of at most 65,536 bytes (64 KiB) is accepted, and a certificate with its key and chain takes a few KB.",
      });
      expect(ms).to.be.below(QUICKLY_MS);
    });

    it("refuses DER nested deeper than any PFX", () => {
      expect(readPfx(deeplyNested(10_000), PASSWORD).problem?.reason).to.equal(
        "importPfxBase64 does not hold a PKCS#12 (PFX) file: its bytes are not valid DER (ASN.1 parsing error: Max depth exceeded).",
      );
    });
  });

  describe("TenantCertificate check", () => {
    it("fails at preview on a MAC count of 2^31-1 in importPfxBase64, quoting neither PFX nor password", () => {
      const { result, ms } = timed(() => checkTenantCertificate({ importPfxBase64: withMacIterations(tripleDes, HOSTILE_COUNT).toString("base64"), password: PASSWORD }, new Date()));
      expect(result.failures).to.deep.equal([{ property: "importPfxBase64", reason: countMessage("importPfxBase64", "2,147,483,647 iterations", "its integrity check (MAC)") }]);
      expect(ms).to.be.below(QUICKLY_MS);
    });

    it("judges the size of importPfxBase64 while its password is still unknown", () => {
      const result = checkTenantCertificate({ importPfxBase64: "QUJD".repeat(30_000), password: UNKNOWN_SENTINEL }, new Date());
      expect(result.failures).to.deep.equal([
        { property: "importPfxBase64", reason: "importPfxBase64 is 90,000 bytes long once decoded; a PFX of at most 65,536 bytes (64 KiB) is accepted, and a certificate with its key and chain takes a few KB." },
      ]);
    });
  });

  describe("Vb365Organization check", () => {
    const hostilePfx = (): TestPfx => ({ pfxBase64: withMacIterations(tripleDes, HOSTILE_COUNT).toString("base64"), password: PASSWORD, thumbprint: "" });

    it("fails at preview on a MAC count of 2^31-1 in applicationCertificate and in nextApplicationCertificate", () => {
      const usable: TestPfx = { pfxBase64: aes.toString("base64"), password: PASSWORD, thumbprint: "" };
      const { result, ms } = timed(() => checkOrganization(sharedCertificateInputs(existingApplicationInputs(usable, "contoso.onmicrosoft.com"), hostilePfx(), hostilePfx()) as Record<string, unknown>, "v8"));
      expect(result.failures).to.deep.include.members([
        { property: "applicationCertificate", reason: countMessage("applicationCertificate", "2,147,483,647 iterations", "its integrity check (MAC)") },
        { property: "nextApplicationCertificate", reason: countMessage("nextApplicationCertificate", "2,147,483,647 iterations", "its integrity check (MAC)") },
      ]);
      expect(ms).to.be.below(QUICKLY_MS);
    });

    it("names a service's own certificate as the service's input", () => {
      const result = checkOrganization(existingApplicationInputs(hostilePfx(), "contoso.onmicrosoft.com") as Record<string, unknown>, "v8");
      expect(result.failures).to.deep.include({
        property: "exchangeOnlineSettings.applicationCertificate",
        reason: countMessage("exchangeOnlineSettings.applicationCertificate", "2,147,483,647 iterations", "its integrity check (MAC)"),
      });
    });

    it("refuses a base64 text beyond the size bound before decoding it", () => {
      expect(readApplicationCertificate("A".repeat(20_000_000), PASSWORD).problem).to.equal(
        "applicationCertificate is about 15,000,000 bytes long once decoded; a PFX of at most 65,536 bytes (64 KiB) is accepted, and a certificate with its key and chain takes a few KB.",
      );
    });
  });

  describe("the emulator", () => {
    const refusal = (run: () => unknown): ApiError => thrown(run, ApiError);

    it("answers 400 for a certificate with a MAC count of 2^31-1, before deriving", () => {
      const base64 = withMacIterations(tripleDes, HOSTILE_COUNT).toString("base64");
      const { result, ms } = timed(() => refusal(() => openPfx(base64, PASSWORD, "exchangeOnlineSettings.applicationCertificate", Date.now())));
      expect({ status: result.status, message: result.message }).to.deep.equal({
        status: 400,
        message: `The certificate in 'exchangeOnlineSettings.applicationCertificate' cannot be used: ${countMessage("The PFX", "2,147,483,647 iterations", "its integrity check (MAC)")}`,
      });
      expect(ms).to.be.below(QUICKLY_MS);
    });

    it("refuses a certificate of more than 64 KiB before reading it", () => {
      const base64 = Buffer.alloc(70_002).toString("base64");
      expect(refusal(() => openPfx(base64, PASSWORD, "x", Date.now())).message).to.equal(
        "The certificate in 'x' cannot be used: The PFX is 70,002 bytes long once decoded; a PFX of at most 65,536 bytes (64 KiB) is accepted, and a certificate with its key and chain takes a few KB.",
      );
    });

    it("bounds the key inside contents encrypted with no password at all, for a client that sends none", () => {
      const base64 = withKeyInsideEncryptedContents(tripleDes, null, 2048, HOSTILE_COUNT).toString("base64");
      const { result, ms } = timed(() => refusal(() => openPfx(base64, undefined, "x", Date.now())));
      expect(result.message).to.equal(`The certificate in 'x' cannot be used: ${countMessage("The PFX", "2,147,483,647 iterations", "its private key (PKCS#12 PBE)")}`);
      expect(ms).to.be.below(QUICKLY_MS);
    });
  });
});
