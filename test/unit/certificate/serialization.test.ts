import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { ProviderStub } from "../../../provider/runtime";
import stub = require("../../../provider/runtime/tenant-certificate-stub");
import type { TenantCertificateProvider } from "../../../provider/tenant-certificate/provider";
import type { TenantCertificateInputs } from "../../../provider/tenant-certificate/types";
import { opensslRecipePfx, pkcs12 } from "../../helpers/certificate";

// Boundary: require-from-string (a dependency of @pulumi/pulumi) ships no types. It is what the
// dynamic-provider plugin uses to load the serialized provider from state.
const requireFromString = require("require-from-string") as (code: string) => { handler(): TenantCertificateProvider };

const SECRET_PASSWORD = `serialization-secret-${process.pid}-${Date.now()}`;

async function serialize(provider: ProviderStub) {
  // Exactly what pulumi.dynamic.Resource does with the provider it is given.
  return pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
}

// What TenantCertificate hands to pulumi.dynamic.Resource (runtime/tenant-certificate-stub.ts): a stub that
// loads the implementation from the installed package in the provider process.
describe("TenantCertificate provider serialization", () => {
  const provider = stub;
  let text: string;
  let containsSecrets: boolean;
  let pfxBase64: string;

  before(async function () {
    this.timeout(60_000);
    const first = await serialize(provider);
    const loaded = requireFromString(first.text).handler();
    const checked = await loaded.check({} as TenantCertificateInputs, {
      subject: { commonName: "serialized.contoso.local" },
      password: SECRET_PASSWORD,
    });
    const created = await loaded.create(checked.inputs!);
    pfxBase64 = created.outs!.pfxBase64;
    // Used once with a secret, the original must serialize to the same secret-free text.
    await (provider as unknown as TenantCertificateProvider).create(checked.inputs!);
    const again = await serialize(provider);
    expect(again.text).to.equal(first.text);
    ({ text, containsSecrets } = again);
  });

  it("creates a certificate from the deserialized provider, as the plugin would", () => {
    expect(pkcs12(pfxBase64, SECRET_PASSWORD, ["-info", "-noout"])).to.include("MAC: sha1, Iteration 2048");
  });

  it("checks, diffs and updates from the deserialized provider too", async () => {
    const loaded = requireFromString(text).handler();
    const inputs = { subject: { commonName: "serialized.contoso.local" }, password: SECRET_PASSWORD };
    const olds = (await loaded.create((await loaded.check({} as TenantCertificateInputs, inputs)).inputs!)).outs!;
    const news = (await loaded.check({} as TenantCertificateInputs, { ...inputs, friendlyName: "renamed" })).inputs!;
    expect(await loaded.diff("id", olds, news)).to.deep.equal({ changes: true, replaces: [] });
    const updated = (await loaded.update("id", olds, news)).outs;
    expect(updated).to.include({ thumbprint: olds.thumbprint, friendlyName: "renamed" });
    const badKeySize = { ...inputs, keySize: 1 } as unknown as TenantCertificateInputs;
    expect(await loaded.check({} as TenantCertificateInputs, badKeySize)).to.have.nested.property(
      "failures[0].property",
      "keySize",
    );
  });

  it("opens an imported PFX from the deserialized provider", async () => {
    const loaded = requireFromString(text).handler();
    const { pfxBase64: imported } = opensslRecipePfx({ password: SECRET_PASSWORD });
    expect(await loaded.check({} as TenantCertificateInputs, { importPfxBase64: imported, password: "wrong" })).to.have.nested.property(
      "failures[0].property",
      "password",
    );
    const checked = await loaded.check({} as TenantCertificateInputs, { importPfxBase64: imported, password: SECRET_PASSWORD });
    expect((await loaded.create(checked.inputs!)).outs).to.include({ imported: true, pfxBase64: imported });
  });

  it("holds no secret: neither the password it was used with nor any key", () => {
    expect(containsSecrets).to.equal(false);
    expect(text).to.not.include(SECRET_PASSWORD);
    expect(text).to.not.include(pfxBase64.slice(0, 64));
    expect(text).to.not.match(/PRIVATE KEY-----/);
  });

  it("stores a few kilobytes that require the implementation instead of copying it into state", () => {
    expect(text.length).to.be.below(10_000);
    expect(text).to.include('"pulumi-vb365/runtime/host"').and.include('"pulumi-vb365/runtime/tenant-certificate"');
    expect(text).to.not.match(/node-forge|zod|pkcs12/);
  });

  it("reads the clock at call time, not when it was serialized", async () => {
    const loaded = requireFromString(text).handler();
    process.env.VB365_NOW = "2001-02-03T04:05:06Z";
    try {
      const outs = (await loaded.create({ subject: { commonName: "clock" }, validityDays: 1 })).outs!;
      expect(outs.notBefore).to.equal("2001-02-03T04:00:06.000Z");
    } finally {
      delete process.env.VB365_NOW;
    }
  });
});
