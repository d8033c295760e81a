import { X509Certificate } from "node:crypto";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { KeySize, PfxEncryption, TenantCertificateOutputs } from "../../../provider/tenant-certificate/types";
import { certificateFromPfx, createCertificate, openssl, opensslThumbprint, pkcs12, RECIPE_SUBJECT, x509 } from "../../helpers/certificate";

const SUBJECT = RECIPE_SUBJECT;

const VARIANTS: ReadonlyArray<{ keySize: KeySize; pfxEncryption: PfxEncryption }> = [
  { keySize: 2048, pfxEncryption: "3des" },
  { keySize: 2048, pfxEncryption: "aes256" },
  { keySize: 3072, pfxEncryption: "3des" },
  { keySize: 3072, pfxEncryption: "aes256" },
  { keySize: 4096, pfxEncryption: "3des" },
  { keySize: 4096, pfxEncryption: "aes256" },
];

const KEY_ENCRYPTION_AS_OPENSSL_SHOWS_IT: Record<PfxEncryption, string> = {
  "3des": "Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048",
  aes256: "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256",
};

describe("TenantCertificate generation, as openssl sees it", () => {
  const made = new Map<string, { outs: TenantCertificateOutputs; pem: string }>();

  before(async function () {
    // Six keys, three of them 4096 bits: made once, in parallel on the libuv pool.
    this.timeout(120_000);
    await Promise.all(
      VARIANTS.map(async (variant) => {
        const outs = await createCertificate({
          subject: SUBJECT,
          ...variant,
          validityDays: 730,
          friendlyName: `Contoso ${variant.keySize} ${variant.pfxEncryption}`,
          password: "correct horse battery staple",
        });
        made.set(key(variant), { outs, pem: certificateFromPfx(outs.pfxBase64, outs.password) });
      }),
    );
  });

  for (const variant of VARIANTS) {
    describe(`${variant.keySize}-bit key, ${variant.pfxEncryption} PFX`, () => {
      it("opens with the password and without -legacy", () => {
        const { outs } = made.get(key(variant))!;
        const info = pkcs12(outs.pfxBase64, outs.password, ["-info", "-noout"]);
        expect(info).to.include("MAC: sha1, Iteration 2048");
        expect(info).to.include(KEY_ENCRYPTION_AS_OPENSSL_SHOWS_IT[variant.pfxEncryption]);
      });

      it("has openssl's SHA-1 fingerprint as its thumbprint", () => {
        const { outs, pem } = made.get(key(variant))!;
        expect(outs.thumbprint).to.match(/^[0-9A-F]{40}$/);
        expect(opensslThumbprint(pem)).to.equal(outs.thumbprint);
      });

      it("has the key size, signature algorithm and friendly name asked for", () => {
        const { outs, pem } = made.get(key(variant))!;
        const text = x509(pem, ["-text"]);
        expect(text).to.include(`Public-Key: (${variant.keySize} bit)`);
        expect(text).to.include("Signature Algorithm: sha256WithRSAEncryption");
        expect(outs.keySize).to.equal(variant.keySize);
        const bags = pkcs12(outs.pfxBase64, outs.password, ["-info", "-nodes"]);
        expect(bags.match(/friendlyName: (.*)/g)).to.deep.equal([
          `friendlyName: Contoso ${variant.keySize} ${variant.pfxEncryption}`,
          `friendlyName: Contoso ${variant.keySize} ${variant.pfxEncryption}`,
        ]);
      });

      it("holds the certificate's own private key, tied to it by the thumbprint as localKeyID", () => {
        const { outs, pem } = made.get(key(variant))!;
        const keyPem = pkcs12(outs.pfxBase64, outs.password, ["-nocerts", "-nodes"]);
        const keyModulus = openssl(["rsa", "-noout", "-modulus"], { input: Buffer.from(keyPem) });
        expect(keyModulus).to.equal(x509(pem, ["-modulus"]));
        const localKeyIds = keyPem.match(/localKeyID: ([0-9A-F ]+)/g) ?? [];
        expect(localKeyIds.map((line) => line.replace(/localKeyID: | /g, ""))).to.deep.equal([outs.thumbprint]);
      });
    });
  }

  describe("outputs of a 2048-bit certificate", () => {
    it("report the serial number, dates and PEM that openssl reads", () => {
      const { outs, pem } = made.get("2048/3des")!;
      expect(x509(pem, ["-serial"]).trim()).to.equal(`serial=${outs.serialNumber}`);
      expect(new X509Certificate(pem).toString()).to.equal(outs.certificatePem);
      const dates = x509(pem, ["-dates"]);
      const notBefore = /notBefore=(.*)/.exec(dates)![1];
      const notAfter = /notAfter=(.*)/.exec(dates)![1];
      expect(new Date(notBefore).toISOString()).to.equal(outs.notBefore);
      expect(new Date(notAfter).toISOString()).to.equal(outs.notAfter);
      expect(Date.parse(outs.notAfter) - Date.parse(outs.notBefore)).to.equal(730 * 86_400_000);
    });

    it("use a positive 16-octet serial number", () => {
      const { outs } = made.get("2048/3des")!;
      expect(outs.serialNumber).to.match(/^[0-7][0-9A-F]{31}$/);
      expect(outs.serialNumber.slice(0, 2)).to.not.equal("00");
    });

    it("mark the certificate for client and server authentication, not as a CA", () => {
      const { pem } = made.get("2048/3des")!;
      const text = x509(pem, ["-text"]);
      expect(text).to.match(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
      expect(text).to.match(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
      expect(text).to.match(/X509v3 Extended Key Usage:\s+TLS Web Client Authentication, TLS Web Server Authentication/);
      expect(text).to.include("X509v3 Subject Key Identifier");
    });

    it("carry a valid self-signature", () => {
      const { pem } = made.get("2048/3des")!;
      const certificate = new X509Certificate(pem);
      expect(certificate.verify(certificate.publicKey)).to.equal(true);
      expect(certificate.subject).to.equal(certificate.issuer);
    });

    it("echo the subject and write it as openssl reads it", () => {
      const { outs, pem } = made.get("2048/3des")!;
      expect(outs.subject).to.deep.equal(SUBJECT);
      expect(x509(pem, ["-subject", "-nameopt", "RFC2253"]).trim()).to.equal(
        "subject=CN=veeam.contoso.local,OU=VCSP,O=Veeam Software,L=Lexington,ST=Kentucky,C=US",
      );
    });

    it("are plain JSON values: no undefined, Date or Buffer for the gRPC Struct", () => {
      const { outs } = made.get("2048/3des")!;
      expect(JSON.parse(JSON.stringify(outs))).to.deep.equal(outs);
    });

    it("never contain the private key outside the encrypted PFX", () => {
      const { outs } = made.get("2048/3des")!;
      const { pfxBase64: _pfx, ...rest } = outs;
      expect(JSON.stringify(rest)).to.not.match(/PRIVATE KEY/);
    });
  });

  describe("defaults", () => {
    let outs: TenantCertificateOutputs;

    before(async function () {
      this.timeout(30_000);
      outs = await createCertificate({ subject: { commonName: "Zürich & Söhne_tenant@contoso" } });
    });

    it("generate a 48-character printable ASCII password, different each time", async () => {
      expect(outs.password).to.match(/^[\x21-\x7e]{48}$/);
      const again = await createCertificate({ subject: { commonName: "Zürich & Söhne_tenant@contoso" } });
      expect(again.password).to.not.equal(outs.password);
      expect(again.serialNumber).to.not.equal(outs.serialNumber);
    });

    it("make a 2048-bit key, a ten-year certificate and a 3DES PFX named after the common name", () => {
      expect(outs).to.include({ keySize: 2048, validityDays: 3650, pfxEncryption: "3des", imported: false });
      expect(outs.friendlyName).to.equal("Zürich & Söhne_tenant@contoso");
      expect(Date.parse(outs.notAfter) - Date.parse(outs.notBefore)).to.equal(3650 * 86_400_000);
      const info = pkcs12(outs.pfxBase64, outs.password, ["-info", "-noout"]);
      expect(info).to.include(KEY_ENCRYPTION_AS_OPENSSL_SHOWS_IT["3des"]);
    });

    it("write names that PrintableString cannot hold as UTF-8", () => {
      const pem = certificateFromPfx(outs.pfxBase64, outs.password);
      expect(x509(pem, ["-subject", "-nameopt", "utf8,sep_comma_plus"]).trim()).to.equal(
        "subject=CN=Zürich & Söhne_tenant@contoso",
      );
      expect(openssl(["asn1parse"], { input: Buffer.from(outs.certificatePem) })).to.match(/UTF8STRING\s+:Z/);
    });

    it("back-date notBefore by five minutes against clock skew", () => {
      const age = Date.now() - Date.parse(outs.notBefore);
      expect(age).to.be.within(5 * 60_000 - 1_000, 5 * 60_000 + 60_000);
    });
  });
});

function key(variant: { keySize: number; pfxEncryption: string }): string {
  return `${variant.keySize}/${variant.pfxEncryption}`;
}
