import { expect } from "chai";
import { afterEach, before, describe, it } from "mocha";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";
import type { TenantCertificateInputs, TenantCertificateOutputs } from "../../../provider/tenant-certificate/types";
import { createCertificate, opensslRecipePfx, pkcs12, provider } from "../../helpers/certificate";

const DAY = 86_400_000;

const INPUTS = {
  subject: { commonName: "tenant-a.onmicrosoft.com VB365", organization: "Contoso" },
  validityDays: 365,
  friendlyName: "Tenant A",
  password: "first password",
  rotateBeforeDays: 30,
};

/** Inputs as the engine hands them to diff and update: after check. */
async function checked(inputs: Record<string, unknown>): Promise<TenantCertificateInputs> {
  const result = await provider.check({} as TenantCertificateInputs, inputs as TenantCertificateInputs);
  if (result.failures?.length) throw new Error(JSON.stringify(result.failures));
  return result.inputs!;
}

/** The outputs after an update at `at` (ms): inside the window, the next certificate beside the current one. */
async function rotatedAt(olds: TenantCertificateOutputs, at: number, inputs: Record<string, unknown> = INPUTS): Promise<TenantCertificateOutputs> {
  process.env.VB365_NOW = new Date(at).toISOString();
  try {
    return (await provider.update("id", olds, await checked(inputs))).outs;
  } finally {
    delete process.env.VB365_NOW;
  }
}

async function diff(olds: TenantCertificateOutputs, inputs: Record<string, unknown>) {
  return provider.diff("id", olds, await checked(inputs));
}

describe("TenantCertificate diff and update", () => {
  let olds: TenantCertificateOutputs;

  before(async function () {
    this.timeout(30_000);
    olds = await createCertificate(INPUTS);
  });

  afterEach(() => {
    delete process.env.VB365_NOW;
  });

  describe("diff", () => {
    it("finds no change when the inputs are the same", async () => {
      expect(await diff(olds, INPUTS)).to.deep.equal({ changes: false, replaces: [] });
    });

    it("finds no change when a generated password is still left out", async () => {
      const generated = await createCertificate({ subject: INPUTS.subject });
      expect(await diff(generated, { subject: INPUTS.subject })).to.deep.equal({ changes: false, replaces: [] });
    });

    it("compares raw inputs with the defaults applied, as check would", async () => {
      const generated = await createCertificate({ subject: INPUTS.subject });
      expect(await provider.diff("id", generated, { subject: INPUTS.subject })).to.deep.equal({ changes: false, replaces: [] });
    });

    const replacements: ReadonlyArray<[string, Record<string, unknown>, string]> = [
      ["the common name changes", { subject: { ...INPUTS.subject, commonName: "tenant-b" } }, "subject"],
      ["a subject field is added", { subject: { ...INPUTS.subject, country: "DE" } }, "subject"],
      ["a subject field is removed", { subject: { commonName: INPUTS.subject.commonName } }, "subject"],
      ["the key size changes", { keySize: 4096 }, "keySize"],
      ["the validity changes", { validityDays: 730 }, "validityDays"],
      ["the validity goes back to its default", { validityDays: undefined }, "validityDays"],
      ["the PFX encryption changes", { pfxEncryption: "aes256" }, "pfxEncryption"],
    ];
    for (const [what, change, field] of replacements) {
      it(`replaces when ${what}`, async () => {
        expect(await diff(olds, { ...INPUTS, ...change })).to.deep.equal({ changes: true, replaces: [field] });
      });
    }

    it("creates the replacement before deleting the old certificate", async () => {
      const result = await diff(olds, { ...INPUTS, keySize: 3072 });
      expect(result).to.not.have.property("deleteBeforeReplace");
    });

    const inPlace: ReadonlyArray<[string, Record<string, unknown>]> = [
      ["the friendly name changes", { friendlyName: "Tenant A (2026)" }],
      ["the password changes", { password: "second password" }],
      ["the rotation window changes", { rotateBeforeDays: 60 }],
      ["the rotation window is removed", { rotateBeforeDays: undefined }],
    ];
    for (const [what, change] of inPlace) {
      it(`updates in place when ${what}`, async () => {
        expect(await diff(olds, { ...INPUTS, ...change })).to.deep.equal({ changes: true, replaces: [] });
      });
    }

    it("keeps the current password when it is left out", async () => {
      const { password: _password, ...withoutPassword } = INPUTS;
      expect(await diff(olds, withoutPassword)).to.deep.equal({ changes: false, replaces: [] });
    });

    describe("rotation, by the provider's clock (VB365_NOW)", () => {
      it("updates in place inside the window before notAfter, to make the next certificate: no replacement", async () => {
        process.env.VB365_NOW = new Date(Date.parse(olds.notAfter) - 29 * DAY).toISOString();
        expect(await diff(olds, INPUTS)).to.deep.equal({ changes: true, replaces: [] });
      });

      it("updates on the first second of the window", async () => {
        process.env.VB365_NOW = new Date(Date.parse(olds.notAfter) - 30 * DAY).toISOString();
        expect(await diff(olds, INPUTS)).to.deep.equal({ changes: true, replaces: [] });
      });

      it("updates once the certificate has expired without a next one", async () => {
        process.env.VB365_NOW = new Date(Date.parse(olds.notAfter) + DAY).toISOString();
        expect(await diff(olds, INPUTS)).to.deep.equal({ changes: true, replaces: [] });
      });

      it("changes nothing before the window", async () => {
        process.env.VB365_NOW = new Date(Date.parse(olds.notAfter) - 30 * DAY - 1000).toISOString();
        expect(await diff(olds, INPUTS)).to.deep.equal({ changes: false, replaces: [] });
      });

      it("changes nothing while the next certificate waits beside an unexpired current one", async () => {
        const rotated = await rotatedAt(olds, Date.parse(olds.notAfter) - 29 * DAY);
        process.env.VB365_NOW = new Date(Date.parse(olds.notAfter) - 1000).toISOString();
        expect(await diff(rotated, INPUTS)).to.deep.equal({ changes: false, replaces: [] });
      });

      it("updates in place to promote the next certificate once the current one has expired", async () => {
        const rotated = await rotatedAt(olds, Date.parse(olds.notAfter) - 29 * DAY);
        process.env.VB365_NOW = olds.notAfter;
        expect(await diff(rotated, INPUTS)).to.deep.equal({ changes: true, replaces: [] });
      });

      it("shows no diff for a state made before next certificates existed, outside the window, and refresh gives it their null outputs", async () => {
        const { nextPfxBase64: _pfx, nextThumbprint: _thumbprint, nextCertificatePem: _pem, nextNotBefore: _from, nextNotAfter: _to, ...before } = olds;
        expect(Object.keys(before)).to.not.include("nextThumbprint");
        expect(await diff(before as TenantCertificateOutputs, INPUTS)).to.deep.equal({ changes: false, replaces: [] });
        expect(await provider.read("id", before as TenantCertificateOutputs)).to.deep.equal({ id: "id", props: olds });
      });

      it("never rotates without rotateBeforeDays", async () => {
        const { rotateBeforeDays: _rotate, ...noRotation } = INPUTS;
        const outs = await createCertificate(noRotation);
        process.env.VB365_NOW = new Date(Date.parse(outs.notAfter) + DAY).toISOString();
        expect(await diff(outs, noRotation)).to.deep.equal({ changes: false, replaces: [] });
      });

      it("rejects a clock that is not a date, naming the variable", async () => {
        process.env.VB365_NOW = "next tuesday";
        let error: unknown;
        try {
          await diff(olds, INPUTS);
        } catch (caught) {
          error = caught;
        }
        expect((error as Error).message).to.equal(
          'The environment variable VB365_NOW must be an ISO 8601 date such as "2030-01-31T00:00:00Z"; got "next tuesday".',
        );
      });
    });

    describe("at preview, with values not known yet", () => {
      it("shows a replacement when a replacing field is unknown", async () => {
        const news = { ...(await checked(INPUTS)), keySize: UNKNOWN_SENTINEL } as unknown as TenantCertificateInputs;
        expect(await provider.diff("id", olds, news)).to.deep.equal({ changes: true, replaces: ["keySize"] });
      });

      it("shows an update when the password is unknown", async () => {
        const news = { ...(await checked(INPUTS)), password: UNKNOWN_SENTINEL };
        expect(await provider.diff("id", olds, news)).to.deep.equal({ changes: true, replaces: [] });
      });
    });

    describe("in import mode", () => {
      const PASSWORD = "import-password";
      let pfx: string;
      let imported: TenantCertificateOutputs;

      before(async function () {
        this.timeout(30_000);
        pfx = opensslRecipePfx({ password: PASSWORD }).pfxBase64;
        imported = await createCertificate({ importPfxBase64: pfx, password: PASSWORD });
      });

      it("finds no change for the same PFX and password", async () => {
        expect(await diff(imported, { importPfxBase64: pfx, password: PASSWORD })).to.deep.equal({ changes: false, replaces: [] });
      });

      it("replaces for another PFX", async () => {
        const other = opensslRecipePfx({ password: PASSWORD }).pfxBase64;
        expect(await diff(imported, { importPfxBase64: other, password: PASSWORD })).to.deep.equal({
          changes: true,
          replaces: ["importPfxBase64"],
        });
      });

      it("replaces when switching from a generated to an imported certificate and back", async () => {
        expect(await diff(olds, { importPfxBase64: pfx, password: PASSWORD })).to.deep.equal({
          changes: true,
          replaces: ["importPfxBase64", "password"],
        });
        const back = await diff(imported, INPUTS);
        expect(back.changes).to.equal(true);
        expect(back.replaces?.[0]).to.equal("importPfxBase64");
      });
    });
  });

  describe("update", () => {
    it("re-wraps the same certificate under a new password and friendly name", async () => {
      const news = await checked({ ...INPUTS, password: "second password", friendlyName: "Tenant A (2026)" });
      const { outs } = await provider.update("id", olds, news);
      expect(outs.thumbprint).to.equal(olds.thumbprint);
      expect(outs.serialNumber).to.equal(olds.serialNumber);
      expect(outs).to.include({ password: "second password", friendlyName: "Tenant A (2026)" });
      expect(outs.pfxBase64).to.not.equal(olds.pfxBase64);
      expect(pkcs12(outs.pfxBase64, "second password", ["-info", "-noout"])).to.include("MAC: sha1");
      expect(pkcs12(outs.pfxBase64, "second password", ["-nokeys"])).to.include("friendlyName: Tenant A (2026)");
      expect(() => pkcs12(outs.pfxBase64, "first password", ["-info", "-noout"])).to.throw(/Mac verify error/);
    });

    it("returns every output, so none is wiped from state", async () => {
      const { outs } = await provider.update("id", olds, await checked({ ...INPUTS, rotateBeforeDays: 60 }));
      expect(outs).to.deep.equal({ ...olds, rotateBeforeDays: 60 });
    });

    it("keeps the password when it is left out", async () => {
      const { password: _password, ...withoutPassword } = INPUTS;
      const { outs } = await provider.update("id", olds, await checked({ ...withoutPassword, rotateBeforeDays: 7 }));
      expect(outs.password).to.equal(olds.password);
      expect(outs.pfxBase64).to.equal(olds.pfxBase64);
    });

    it("leaves a field out of the outputs when its input is removed", async () => {
      const { rotateBeforeDays: _rotate, ...noRotation } = INPUTS;
      const { outs } = await provider.update("id", olds, await checked(noRotation));
      expect(outs).to.not.have.property("rotateBeforeDays");
      expect(JSON.parse(JSON.stringify(outs))).to.deep.equal(outs);
    });
  });

  describe("rotation with overlap", () => {
    let rotated: TenantCertificateOutputs;
    const windowOpens = () => Date.parse(olds.notAfter) - 29 * DAY;

    before(async function () {
      this.timeout(30_000);
      rotated = await rotatedAt(olds, windowOpens());
    });

    it("makes the next certificate beside the current one, which stays untouched", async () => {
      const { nextPfxBase64, nextThumbprint, nextCertificatePem, nextNotBefore, nextNotAfter, ...current } = rotated;
      expect(current).to.deep.equal(Object.fromEntries(Object.entries(olds).filter(([name]) => !name.startsWith("next"))));
      expect(nextThumbprint).to.match(/^[0-9A-F]{40}$/).and.not.equal(olds.thumbprint);
      expect(nextCertificatePem).to.match(/^-----BEGIN CERTIFICATE-----\n/);
      expect(Date.parse(nextNotBefore!)).to.be.within(windowOpens() - 5 * 60_000 - 1000, windowOpens());
      expect(Date.parse(nextNotAfter!) - Date.parse(nextNotBefore!)).to.equal(365 * DAY);
      expect(pkcs12(nextPfxBase64!, INPUTS.password, ["-nokeys"])).to.include("friendlyName: Tenant A").and.include("subject=O = Contoso, CN = tenant-a.onmicrosoft.com VB365");
    });

    it("keeps both while the current one is valid, re-wrapping both for a new password", async () => {
      process.env.VB365_NOW = new Date(Date.parse(olds.notAfter) - DAY).toISOString();
      const { outs } = await provider.update("id", rotated, await checked({ ...INPUTS, password: "second password" }));
      expect([outs.thumbprint, outs.nextThumbprint]).to.deep.equal([olds.thumbprint, rotated.nextThumbprint]);
      expect(pkcs12(outs.pfxBase64, "second password", ["-info", "-noout"])).to.include("MAC: sha1");
      expect(pkcs12(outs.nextPfxBase64!, "second password", ["-info", "-noout"])).to.include("MAC: sha1");
    });

    it("promotes the next certificate once the current one has expired, and drops the expired one", async () => {
      process.env.VB365_NOW = olds.notAfter;
      const { outs } = await provider.update("id", rotated, await checked(INPUTS));
      expect(outs).to.deep.include({
        pfxBase64: rotated.nextPfxBase64,
        thumbprint: rotated.nextThumbprint,
        certificatePem: rotated.nextCertificatePem,
        notBefore: rotated.nextNotBefore,
        notAfter: rotated.nextNotAfter,
        password: olds.password,
      });
      for (const gone of ["nextPfxBase64", "nextThumbprint", "nextCertificatePem", "nextNotBefore", "nextNotAfter"] as const) expect(outs[gone], gone).to.equal(null);
      expect(JSON.stringify(outs)).to.not.include(olds.thumbprint);
    });

    it("keeps the next certificate's outputs secret where the PFX is: nextPfxBase64 only", async () => {
      const { TENANT_CERTIFICATE_OUTPUTS } = await import("../../../provider/tenant-certificate/definition");
      const secret = Object.entries(TENANT_CERTIFICATE_OUTPUTS).filter(([, output]) => output.secret).map(([name]) => name);
      expect(secret).to.deep.equal(["pfxBase64", "password", "nextPfxBase64"]);
    });

    it("never rotates an imported certificate, even past its window", async () => {
      const PASSWORD = "import-password";
      const pfx = opensslRecipePfx({ password: PASSWORD }).pfxBase64;
      const imported = await createCertificate({ importPfxBase64: pfx, password: PASSWORD });
      process.env.VB365_NOW = new Date(Date.parse(imported.notAfter) - DAY).toISOString();
      expect(await diff(imported, { importPfxBase64: pfx, password: PASSWORD })).to.deep.equal({ changes: false, replaces: [] });
    });
  });

  describe("read and delete", () => {
    it("read returns the stored outputs: the certificate lives only in state", async () => {
      expect(await provider.read("id", olds)).to.deep.equal({ id: "id", props: olds });
    });

    it("delete has nothing to free", async () => {
      expect(await provider.delete()).to.equal(undefined);
    });
  });
});
