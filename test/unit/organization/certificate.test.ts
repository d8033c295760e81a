import { X509Certificate } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { openedCertificates } from "../../../provider/common/opened-certificates";
import { NEXT_APPLICATION_CERTIFICATE_FIELDS, readApplicationCertificate } from "../../../provider/organization/certificate";
import { createTenantCertificate } from "../../../provider/tenant-certificate/lifecycle";
import { openssl, opensslThumbprint } from "../../helpers/certificate";
import { forgePfxBase64 } from "../../helpers/certificate-fixtures";
import { makePfx, type TestPfx } from "../../helpers/tenant-fixtures";

describe("Vb365Organization application certificate", () => {
  let pfx: TestPfx;
  let dir: string;

  before(async () => {
    pfx = await makePfx();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-appcert-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function opensslPfx(keyAlgorithm: string[], legacy: boolean): { pfxBase64: string; certificatePem: string } {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    const out = path.join(dir, "out.pfx");
    openssl(["req", "-x509", ...keyAlgorithm, "-nodes", "-keyout", key, "-out", cert, "-days", "30", "-subj", "/CN=legacy.example"]);
    openssl(["pkcs12", "-export", ...(legacy ? ["-legacy"] : []), "-inkey", key, "-in", cert, "-out", out, "-passout", "pass:legacy-pw"]);
    return { pfxBase64: fs.readFileSync(out).toString("base64"), certificatePem: fs.readFileSync(cert, "utf8") };
  }

  it("reads the thumbprint of a TenantCertificate PFX, and when it expires", () => {
    const reading = readApplicationCertificate(pfx.pfxBase64, pfx.password);
    expect(reading.thumbprint).to.equal(pfx.thumbprint);
    expect(reading.notAfter?.getTime()).to.be.within(Date.now() + 364 * 86_400_000, Date.now() + 366 * 86_400_000);
  });

  it("knows a TenantCertificate this process made without opening it again, and still refuses a wrong password", async () => {
    const { outs } = await createTenantCertificate({ subject: { commonName: "kept.onmicrosoft.com VB365" } }, new Date());
    expect(openedCertificates.get(outs.pfxBase64, outs.password)?.thumbprint).to.equal(outs.thumbprint);
    const reading = readApplicationCertificate(outs.pfxBase64, outs.password);
    expect(reading.thumbprint).to.equal(outs.thumbprint);
    expect(reading.notAfter?.toISOString()).to.equal(new Date(outs.notAfter).toISOString());
    expect(readApplicationCertificate(outs.pfxBase64, "not-the-password").problem).to.match(/applicationCertificatePassword does not open/);
  });

  it("keeps what it opened, and only that", () => {
    expect(openedCertificates.get(pfx.pfxBase64, "not-the-password")).to.equal(undefined);
    readApplicationCertificate(pfx.pfxBase64, "not-the-password");
    expect(openedCertificates.get(pfx.pfxBase64, "not-the-password")).to.equal(undefined);
    readApplicationCertificate(pfx.pfxBase64, pfx.password);
    expect(openedCertificates.get(pfx.pfxBase64, pfx.password)?.thumbprint).to.equal(pfx.thumbprint);
  });

  it("reads a legacy RC2 PFX that OpenSSL 3 refuses, through node-forge", () => {
    const legacy = opensslPfx(["-newkey", "rsa:2048"], true);
    const reading = readApplicationCertificate(legacy.pfxBase64, "legacy-pw");
    expect(reading.thumbprint).to.equal(opensslThumbprint(legacy.certificatePem));
    expect(reading.notAfter?.toISOString()).to.equal(new Date(new X509Certificate(legacy.certificatePem).validTo).toISOString());
  });

  it("explains a wrong password in this resource's terms", () => {
    expect(readApplicationCertificate(pfx.pfxBase64, "not-the-password")).to.deep.equal({
      problem:
        "applicationCertificatePassword does not open the PFX in applicationCertificate: its integrity check (MAC) failed, which means the applicationCertificatePassword is wrong.",
    });
  });

  it("explains bytes that are not a PFX in this resource's terms", () => {
    expect(readApplicationCertificate(Buffer.from("not a pfx at all").toString("base64"), "pw")).to.deep.equal({
      problem: "applicationCertificate does not hold a PKCS#12 (PFX) file: its bytes are not valid DER (Too few bytes to read ASN.1 value).",
    });
  });

  it("refuses an EC certificate, which OpenSSL alone would accept", () => {
    const ec = opensslPfx(["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"], false);
    expect(readApplicationCertificate(ec.pfxBase64, "legacy-pw")).to.deep.equal({
      problem: "applicationCertificate holds a private key that is not RSA (an EC key, for example); Entra ID app certificates must use RSA.",
    });
  });

  it("names the certificate as it is, even when its subject contains a field's name", () => {
    const mismatched = forgePfxBase64({ password: "pw", commonName: "password.importPfxBase64.example", mismatchedKey: true });
    expect(readApplicationCertificate(mismatched, "pw").problem).to.match(
      /^The private key in applicationCertificate does not belong to its certificate \(CN=password\.importPfxBase64\.example, thumbprint [0-9A-F]{40}\): the PFX must hold the certificate's own key\.$/,
    );
  });
});

describe("Vb365Organization next application certificate", () => {
  it("explains a wrong password in the next certificate's terms", async () => {
    const pfx = await makePfx();
    expect(readApplicationCertificate(pfx.pfxBase64, "not-the-password", NEXT_APPLICATION_CERTIFICATE_FIELDS)).to.deep.equal({
      problem:
        "nextApplicationCertificatePassword does not open the PFX in nextApplicationCertificate: its integrity check (MAC) failed, which means the nextApplicationCertificatePassword is wrong.",
    });
  });
});
