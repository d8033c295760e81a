import { expect } from "chai";
import { describe, it } from "mocha";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";
import type { TenantCertificateInputs } from "../../../provider/tenant-certificate/types";
import { checkFailures, provider } from "../../helpers/certificate";

const subject = { commonName: "contoso.onmicrosoft.com VB365" };

describe("TenantCertificate check", () => {
  describe("rejects, naming the field and what would be valid,", () => {
    const cases: ReadonlyArray<[string, Record<string, unknown>, string]> = [
      ["a key size other than the three", { subject, keySize: 1024 }, "keySize: keySize must be 2048, 3072, 4096 (bits); got 1024."],
      ["a key size given as a string", { subject, keySize: "4096" }, 'keySize: keySize must be 2048, 3072, 4096 (bits); got "4096".'],
      ["a validity of zero days", { subject, validityDays: 0 }, "validityDays: validityDays must be a whole number of days from 1 to 36500; got 0."],
      ["a validity over 100 years", { subject, validityDays: 36_501 }, "validityDays: validityDays must be a whole number of days from 1 to 36500; got 36501."],
      ["a fractional validity", { subject, validityDays: 1.5 }, "validityDays: validityDays must be a whole number of days from 1 to 36500; got 1.5."],
      ["an empty password", { subject, password: "" }, "password: password must not be empty; leave it out to have a strong one generated."],
      [
        "a non-ASCII password",
        { subject, password: "pässwörd" },
        'password: password must contain only printable ASCII characters (space to "~"), because a PFX with a non-ASCII password cannot be opened everywhere; character 2 is not one.',
      ],
      [
        "a password with a control character",
        { subject, password: "tab\there" },
        'password: password must contain only printable ASCII characters (space to "~"), because a PFX with a non-ASCII password cannot be opened everywhere; character 4 is not one.',
      ],
      ["a password over 256 characters", { subject, password: "x".repeat(257) }, "password: password must be at most 256 characters; got 257."],
      ["an unknown PFX encryption", { subject, pfxEncryption: "aes128" }, 'pfxEncryption: pfxEncryption must be "3des" or "aes256"; got "aes128".'],
      ["a misspelt PFX encryption", { subject, pfxEncryption: "aes-256" }, 'pfxEncryption: pfxEncryption must be "3des" or "aes256"; got "aes-256". Did you mean "aes256"?'],
      ["a PFX encryption in the wrong case", { subject, pfxEncryption: "3DES" }, 'pfxEncryption: pfxEncryption must be "3des" or "aes256"; got "3DES". Did you mean "3des"?'],
      [
        "a missing subject",
        {},
        'subject: subject is required unless importPfxBase64 is given: set at least subject.commonName, for example { commonName: "contoso.onmicrosoft.com VB365" }.',
      ],
      [
        "a subject given as a string",
        { subject: "CN=contoso" },
        'subject: subject must be an object such as { commonName: "contoso.onmicrosoft.com VB365" }; got "CN=contoso".',
      ],
      [
        "a subject without a common name",
        { subject: { organization: "Contoso" } },
        'subject.commonName: subject.commonName is required: give the name the certificate is issued to, such as "contoso.onmicrosoft.com VB365".',
      ],
      ["an empty common name", { subject: { commonName: "  " } }, "subject.commonName: subject.commonName must not be empty or only whitespace."],
      [
        "a common name over 64 characters",
        { subject: { commonName: "c".repeat(65) } },
        "subject.commonName: subject.commonName must be at most 64 characters (RFC 5280 upper bound); got 65.",
      ],
      [
        "an organization over 64 characters",
        { subject: { ...subject, organization: "o".repeat(65) } },
        "subject.organization: subject.organization must be at most 64 characters (RFC 5280 upper bound); got 65.",
      ],
      [
        "an organizational unit over 64 characters",
        { subject: { ...subject, organizationalUnit: "u".repeat(65) } },
        "subject.organizationalUnit: subject.organizationalUnit must be at most 64 characters (RFC 5280 upper bound); got 65.",
      ],
      [
        "a locality over 128 characters",
        { subject: { ...subject, locality: "l".repeat(129) } },
        "subject.locality: subject.locality must be at most 128 characters (RFC 5280 upper bound); got 129.",
      ],
      [
        "a state over 128 characters",
        { subject: { ...subject, state: "s".repeat(129) } },
        "subject.state: subject.state must be at most 128 characters (RFC 5280 upper bound); got 129.",
      ],
      [
        "a control character in a name",
        { subject: { commonName: "line\nbreak" } },
        "subject.commonName: subject.commonName must not contain control characters; found U+000A at character 5.",
      ],
      [
        "a C1 control character in a name",
        { subject: { ...subject, organization: "Contoso\u0085" } },
        "subject.organization: subject.organization must not contain control characters; found U+0085 at character 8.",
      ],
      [
        "half a surrogate pair in a name",
        { subject: { commonName: "broken \ud83d" } },
        "subject.commonName: subject.commonName has an unpaired UTF-16 surrogate at character 8, which a certificate (UTF-8) cannot encode.",
      ],
      [
        "a three-letter country",
        { subject: { ...subject, country: "USA" } },
        'subject.country: subject.country must be a two-letter ISO 3166-1 country code in upper case, such as "US" or "DE"; got "USA".',
      ],
      [
        "a lower-case country",
        { subject: { ...subject, country: "de" } },
        'subject.country: subject.country must be a two-letter ISO 3166-1 country code in upper case, such as "US" or "DE"; got "de".',
      ],
      [
        "an unknown subject field",
        { subject: { ...subject, email: "x@contoso.com" } },
        'subject: subject has no property "email"; valid ones are commonName, organization, organizationalUnit, locality, state, country.',
      ],
      [
        "an unknown input, with a suggestion",
        { subject, keysize: 4096 },
        '(inputs): TenantCertificate has no property "keysize"; valid ones are subject, keySize, validityDays, friendlyName, password, pfxEncryption, rotateBeforeDays, importPfxBase64. Did you mean "keySize"?',
      ],
      ["an empty friendly name", { subject, friendlyName: "" }, "friendlyName: friendlyName must not be empty or only whitespace; leave it out to use subject.commonName."],
      [
        "a friendly name outside the BMP",
        { subject, friendlyName: "Tenant 🔐" },
        "friendlyName: friendlyName can only hold characters of the Unicode Basic Multilingual Plane (a PFX stores it as a BMPString); character 8 (U+1F510) is not one.",
      ],
      [
        "a rotation window as long as the validity",
        { subject, validityDays: 365, rotateBeforeDays: 365 },
        "rotateBeforeDays: rotateBeforeDays (365) must be less than validityDays (365); otherwise the certificate would be due for rotation as soon as it is created.",
      ],
      [
        "a rotation window longer than the default validity",
        { subject, rotateBeforeDays: 4000 },
        "rotateBeforeDays: rotateBeforeDays (4000) must be less than validityDays (3650); otherwise the certificate would be due for rotation as soon as it is created.",
      ],
      ["a negative rotation window", { subject, rotateBeforeDays: -1 }, "rotateBeforeDays: rotateBeforeDays must be a whole number of days from 1 to 36499; got -1."],
      [
        "a PFX that is not base64",
        { importPfxBase64: "MIIK*mhi", password: "pw" },
        'importPfxBase64: importPfxBase64 must be standard base64 (A-Z, a-z, 0-9, "+", "/" and "=" padding), such as the output of "base64 -w0 tenant.pfx"; character 5 (whitespace ignored) is not.',
      ],
      [
        "a PFX in base64url",
        { importPfxBase64: "MIIK-mhi", password: "pw" },
        'importPfxBase64: importPfxBase64 must be standard base64 (A-Z, a-z, 0-9, "+", "/" and "=" padding), such as the output of "base64 -w0 tenant.pfx"; character 5 (whitespace ignored) is not. It looks like base64url; use standard base64 ("+" and "/").',
      ],
      [
        "truncated base64",
        { importPfxBase64: "MIIKmhi", password: "pw" },
        "importPfxBase64: importPfxBase64 is not complete base64: its 7 characters (whitespace ignored) are not a multiple of 4. Was it cut short?",
      ],
      [
        "padding in the middle of base64",
        { importPfxBase64: "MI==MIIK", password: "pw" },
        'importPfxBase64: importPfxBase64 must be standard base64: "=" may only appear as padding at the very end.',
      ],
      ["an empty PFX", { importPfxBase64: " \n", password: "pw" }, "importPfxBase64: importPfxBase64 must not be empty: give the base64 text of a PFX file."],
      [
        "base64 that is not a PFX",
        { importPfxBase64: Buffer.from("not a pfx at all").toString("base64"), password: "pw" },
        "importPfxBase64: importPfxBase64 does not hold a PKCS#12 (PFX) file: its bytes are not valid DER (Too few bytes to read ASN.1 value).",
      ],
      [
        "an import without its password",
        { importPfxBase64: "MIIK" },
        "password: password is required with importPfxBase64: give the password that opens the PFX.",
      ],
    ];

    for (const [what, inputs, failure] of cases) {
      it(what, async () => {
        expect(await checkFailures(inputs)).to.deep.equal([failure]);
      });
    }

    it("every setting that an imported certificate brings itself", async () => {
      const failures = await checkFailures({
        importPfxBase64: "MIIK",
        password: "pw",
        subject,
        keySize: 2048,
        validityDays: 365,
        pfxEncryption: "3des",
        friendlyName: "x",
        rotateBeforeDays: 30,
      });
      expect(failures).to.deep.equal([
        "subject: subject cannot be combined with importPfxBase64: an imported certificate keeps its own subject.",
        "keySize: keySize cannot be combined with importPfxBase64: an imported certificate keeps its own key.",
        "validityDays: validityDays cannot be combined with importPfxBase64: an imported certificate keeps its own validity period.",
        "pfxEncryption: pfxEncryption cannot be combined with importPfxBase64: the imported PFX is passed on unchanged, with its own encryption.",
        "friendlyName: friendlyName cannot be combined with importPfxBase64: the imported PFX is passed on unchanged, with its own friendly name.",
        "rotateBeforeDays: rotateBeforeDays cannot be combined with importPfxBase64: an imported certificate is renewed by importing a new PFX, not by generating one.",
      ]);
    });

    it("several problems at once, each with its field", async () => {
      const failures = await checkFailures({ subject: { commonName: "" }, keySize: 1000, password: "" });
      expect(failures.map((failure) => failure.split(":")[0])).to.have.members(["subject.commonName", "keySize", "password"]);
    });
  });

  it("never quotes a rejected password or PFX in its messages", async () => {
    const failures = await checkFailures({ subject, password: "sécret-value" });
    expect(failures.join()).to.not.include("sécret");
    const pfx = await checkFailures({ importPfxBase64: "c2VjcmV0LXBmeA*", password: "pw" });
    expect(pfx.join()).to.not.include("c2VjcmV0");
  });

  it("fills in the documented defaults", async () => {
    const result = await provider.check({} as TenantCertificateInputs, { subject } as TenantCertificateInputs);
    expect(result).to.deep.equal({
      inputs: { subject, keySize: 2048, validityDays: 3650, pfxEncryption: "3des", friendlyName: subject.commonName },
    });
  });

  it("keeps what was given and drops nulls (an Output that resolved to nothing)", async () => {
    const given = {
      subject: { commonName: "a", organization: "Contoso", country: "DE", state: null },
      keySize: 4096,
      validityDays: 90,
      pfxEncryption: "aes256",
      friendlyName: "Tenant A",
      password: "p@ss w0rd",
      rotateBeforeDays: 30,
      importPfxBase64: null,
    };
    const result = await provider.check({} as TenantCertificateInputs, given as unknown as TenantCertificateInputs);
    expect(result).to.deep.equal({
      inputs: {
        subject: { commonName: "a", organization: "Contoso", country: "DE" },
        keySize: 4096,
        validityDays: 90,
        pfxEncryption: "aes256",
        friendlyName: "Tenant A",
        password: "p@ss w0rd",
        rotateBeforeDays: 30,
      },
    });
  });

  it("ignores the serialized provider that the runtime passes along", async () => {
    expect(await checkFailures({ subject, __provider: "exports.handler = ..." })).to.deep.equal([]);
  });

  describe("at preview, with values not known yet", () => {
    it("lets unknown values through untouched and still checks the known ones", async () => {
      const news = { subject: { commonName: UNKNOWN_SENTINEL, country: "DE" }, keySize: UNKNOWN_SENTINEL, password: UNKNOWN_SENTINEL };
      const result = await provider.check({} as TenantCertificateInputs, news as unknown as TenantCertificateInputs);
      expect(result).to.deep.equal({
        inputs: { ...news, validityDays: 3650, pfxEncryption: "3des" },
      });
      const failures = await checkFailures({ ...news, validityDays: 0 });
      expect(failures).to.deep.equal([
        "validityDays: validityDays must be a whole number of days from 1 to 36500; got 0.",
      ]);
    });

    it("accepts a wholly unknown subject", async () => {
      expect(await checkFailures({ subject: UNKNOWN_SENTINEL })).to.deep.equal([]);
    });

    it("does not open a PFX whose password is still unknown", async () => {
      expect(await checkFailures({ importPfxBase64: "MIIK", password: UNKNOWN_SENTINEL })).to.deep.equal([]);
    });

    it("does not apply import-mode rules while importPfxBase64 is unknown", async () => {
      expect(await checkFailures({ importPfxBase64: UNKNOWN_SENTINEL, subject })).to.deep.equal([]);
    });
  });
});
