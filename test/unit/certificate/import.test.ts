import { X509Certificate } from "node:crypto";
import { expect } from "chai";
import { afterEach, before, describe, it } from "mocha";
import type { TenantCertificateInputs } from "../../../provider/tenant-certificate/types";
import { forgePfxBase64 } from "../../helpers/certificate-fixtures";
import { checkFailures, createCertificate, opensslRecipePfx, opensslThumbprint, provider, RECIPE_SUBJECT } from "../../helpers/certificate";

const PASSWORD = "veeam-import-test";

describe("TenantCertificate import mode", () => {
  let recipe: { pfxBase64: string; certificatePem: string };

  before(function () {
    this.timeout(60_000);
    // The recipe as operators run it today: a 4096-bit key, OpenSSL 3's default AES-256 PFX.
    recipe = opensslRecipePfx({ password: PASSWORD, newKey: "rsa:4096" });
  });

  afterEach(() => {
    delete process.env.VB365_NOW;
  });

  it("adopts a PFX made with the openssl recipe, with openssl's thumbprint", async () => {
    const outs = await createCertificate({ importPfxBase64: recipe.pfxBase64, password: PASSWORD });
    expect(outs.thumbprint).to.equal(opensslThumbprint(recipe.certificatePem));
    expect(outs).to.include({ imported: true, keySize: 4096, password: PASSWORD, friendlyName: "Contoso VB365 Tenant" });
    expect(outs.pfxBase64).to.equal(recipe.pfxBase64);
    expect(outs.certificatePem).to.equal(new X509Certificate(recipe.certificatePem).toString());
    expect(outs.subject).to.deep.equal(RECIPE_SUBJECT);
    expect(outs).to.not.have.any.keys("validityDays", "pfxEncryption", "rotateBeforeDays");
    expect(JSON.parse(JSON.stringify(outs))).to.deep.equal(outs);
  });

  it("uses the thumbprint as the resource id", async () => {
    const checked = await provider.check({} as TenantCertificateInputs, { importPfxBase64: recipe.pfxBase64, password: PASSWORD });
    const created = await provider.create(checked.inputs!);
    expect(created.id).to.equal(created.outs!.thumbprint);
  });

  it("accepts base64 with line breaks and passes the PFX on without them", async () => {
    const wrapped = recipe.pfxBase64.replace(/.{76}/g, "$&\n");
    const outs = await createCertificate({ importPfxBase64: wrapped, password: PASSWORD });
    expect(outs.pfxBase64).to.equal(recipe.pfxBase64);
  });

  it("adopts a legacy (RC2-40) PFX, as older Windows and openssl -legacy write", async () => {
    const legacy = opensslRecipePfx({ password: PASSWORD, exportOptions: ["-legacy"] });
    const outs = await createCertificate({ importPfxBase64: legacy.pfxBase64, password: PASSWORD });
    expect(outs.thumbprint).to.equal(opensslThumbprint(legacy.certificatePem));
  });

  it("adopts a Windows-style 3DES PFX", async () => {
    const tripleDes = opensslRecipePfx({
      password: PASSWORD,
      exportOptions: ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"],
    });
    const outs = await createCertificate({ importPfxBase64: tripleDes.pfxBase64, password: PASSWORD });
    expect(outs.thumbprint).to.equal(opensslThumbprint(tripleDes.certificatePem));
  });

  describe("fails at check, on the field to blame, when", () => {
    it("the password is wrong", async () => {
      expect(await checkFailures({ importPfxBase64: recipe.pfxBase64, password: "not-the-password" })).to.deep.equal([
        "password: password does not open the PFX in importPfxBase64: its integrity check (MAC) failed, which means the password is wrong.",
      ]);
    });

    it("the PFX holds no private key", async () => {
      const certificateOnly = opensslRecipePfx({ password: PASSWORD, exportOptions: ["-nokeys"] });
      expect(await checkFailures({ importPfxBase64: certificateOnly.pfxBase64, password: PASSWORD })).to.deep.equal([
        'importPfxBase64: importPfxBase64 holds no private key: export the certificate together with its private key (Export-PfxCertificate, or "openssl pkcs12 -export -inkey key.pem -in cert.pem").',
      ]);
    });

    it("the key does not belong to the certificate", async () => {
      const mismatched = forgePfxBase64({ password: PASSWORD, mismatchedKey: true });
      const [failure] = await checkFailures({ importPfxBase64: mismatched, password: PASSWORD });
      expect(failure).to.match(
        /^importPfxBase64: The private key in importPfxBase64 does not belong to its certificate \(CN=fixture\.contoso\.local, thumbprint [0-9A-F]{40}\): the PFX must hold the certificate's own key\.$/,
      );
    });

    it("the certificate has expired", async () => {
      const expired = forgePfxBase64({
        password: PASSWORD,
        notBefore: new Date("2020-01-01T00:00:00Z"),
        notAfter: new Date("2021-01-01T00:00:00Z"),
      });
      const [failure] = await checkFailures({ importPfxBase64: expired, password: PASSWORD });
      expect(failure).to.match(
        /^importPfxBase64: The certificate in importPfxBase64 \(CN=fixture\.contoso\.local, thumbprint [0-9A-F]{40}\) expired on 2021-01-01T00:00:00\.000Z; import a current certificate or leave importPfxBase64 out to generate one\.$/,
      );
    });

    it("the certificate has expired by the provider's clock (VB365_NOW)", async () => {
      process.env.VB365_NOW = "2040-01-01T00:00:00Z";
      const [failure] = await checkFailures({ importPfxBase64: recipe.pfxBase64, password: PASSWORD });
      expect(failure).to.include("expired on");
    });

    it("the key is EC, not RSA", async () => {
      const ec = opensslRecipePfx({ password: PASSWORD, newKey: "ec", extraNewKeyOptions: ["-pkeyopt", "ec_paramgen_curve:P-256"] });
      expect(await checkFailures({ importPfxBase64: ec.pfxBase64, password: PASSWORD })).to.deep.equal([
        "importPfxBase64: importPfxBase64 holds a private key that is not RSA (an EC key, for example); Entra ID app certificates must use RSA.",
      ]);
    });

    it("the key is shorter than Entra ID accepts", async () => {
      const weak = opensslRecipePfx({ password: PASSWORD, newKey: "rsa:1024" });
      expect(await checkFailures({ importPfxBase64: weak.pfxBase64, password: PASSWORD })).to.deep.equal([
        "importPfxBase64: The key in importPfxBase64 has 1024 bits; Entra ID needs an RSA key of at least 2048 bits.",
      ]);
    });
  });

  it("refuses to create from a PFX that check would reject", async () => {
    let error: unknown;
    try {
      await provider.create({ importPfxBase64: recipe.pfxBase64, password: "not-the-password" });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.equal(
      "password does not open the PFX in importPfxBase64: its integrity check (MAC) failed, which means the password is wrong.",
    );
  });
});
