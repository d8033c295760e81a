import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { TestStack } from "../helpers/engine";

const DAY = 86_400_000;
const TYPE = "pulumi-nodejs:dynamic/vb365:TenantCertificate";
// The password of the "rotating" certificate, handed to the program as a plain string; random so
// that a leak cannot match by chance.
const PASSWORD = `engine-pfx-${randomBytes(12).toString("hex")}`;

interface SecretValue {
  ciphertext?: string;
  plaintext?: string;
}

describe("TenantCertificate through the Pulumi engine", () => {
  let stack: TestStack;

  before(async () => {
    stack = await TestStack.create({
      programDir: path.join(__dirname, "programs", "tenant-certificate"),
      env: { ENGINE_PFX_PASSWORD: PASSWORD },
    });
  });

  after(async () => {
    await stack?.dispose();
  });

  it("creates a certificate with a given and one with a generated password on up", async () => {
    const result = await stack.up();
    expect(result.summary.result).to.equal("succeeded");
    expect(result.summary.resourceChanges).to.deep.include({ create: 3 });
    expect(result.outputs.rotatingThumbprint.value).to.match(/^[0-9A-F]{40}$/);
    expect(result.outputs.generatedPassword.secret).to.equal(true);
    expect(result.outputs.generatedPfx.secret).to.equal(true);
    expect(result.outputs.rotatingPfx.secret).to.equal(true);
    expect(result.outputs.rotatingPassword).to.deep.equal({ value: PASSWORD, secret: true });
    expect(result.outputs.generatedCertificatePem.secret).to.equal(false);

    const resources = stack.resources();
    expect(resources.map((resource) => resource.type)).to.deep.equal([TYPE, TYPE]);
    const rotating = resources.find((resource) => resource.urn.endsWith("::rotating"))!;
    expect(rotating.id).to.equal(result.outputs.rotatingThumbprint.value);
  });

  it("keeps the passwords, the PFX files and any private key out of the state file", async () => {
    const outputs = await stack.stack.outputs(); // decrypted: the values to look for
    const state = stack.stateText();
    expect(state).to.not.include(PASSWORD);
    expect(state).to.not.include(outputs.generatedPassword.value);
    expect(state).to.not.include(String(outputs.generatedPfx.value).slice(0, 200));
    expect(state).to.not.include(String(outputs.rotatingPfx.value).slice(0, 200));
    expect(state).to.not.match(/PRIVATE KEY/);

    // Kept, but encrypted: the secret outputs and the password input.
    for (const resource of stack.resources()) {
      const outs = resource.outputs as Record<string, SecretValue>;
      expect(outs.pfxBase64.ciphertext, `${resource.urn} pfxBase64`).to.be.a("string");
      expect(outs.password.ciphertext, `${resource.urn} password`).to.be.a("string");
      expect(resource.outputs?.thumbprint).to.match(/^[0-9A-F]{40}$/);
      expect(resource.outputs?.certificatePem).to.include("-----BEGIN CERTIFICATE-----");
    }
    const rotating = stack.resources().find((resource) => resource.urn.endsWith("::rotating"))!;
    expect((rotating.inputs?.password as SecretValue).ciphertext).to.be.a("string");
    // The serialized provider itself carries no secret, so it is stored as plain text.
    expect(rotating.outputs?.__provider).to.be.a("string");
  });

  it("shows no changes on a second preview", async () => {
    const result = await stack.preview({ expectNoChanges: true });
    expect(result.changeSummary).to.deep.equal({ same: 3 });
  });

  it("stops the preview on a bad input, naming the field", async () => {
    await stack.stack.setConfig("validityDays", { value: "0" });
    let failure: unknown;
    try {
      await stack.preview();
    } catch (error) {
      failure = error;
    } finally {
      await stack.stack.removeConfig("validityDays");
    }
    expect(String(failure)).to.include("validityDays must be a whole number of days from 1 to 36500; got 0.");
  });

  it("makes the next certificate beside the current one, in place, once inside the rotation window, by the faked clock", async () => {
    const before = await stack.stack.outputs();
    const id = stack.resources().find((resource) => resource.urn.endsWith("::rotating"))!.id;
    const notAfter = Date.parse(String(before.rotatingNotAfter.value));
    expect(before.rotatingNextThumbprint?.value ?? null).to.equal(null);
    // 29 days before notAfter: inside rotateBeforeDays (30). Read by the provider process.
    stack.stack.workspace.envVars.VB365_NOW = new Date(notAfter - 29 * DAY).toISOString();

    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ update: 1, same: 2 });

    const result = await stack.up();
    expect(result.summary.resourceChanges).to.deep.include({ update: 1, same: 2 });
    // The current certificate stays what it was; the next one stands beside it, its PFX secret.
    expect(result.outputs.rotatingThumbprint.value).to.equal(before.rotatingThumbprint.value);
    expect(result.outputs.rotatingPfx.value).to.equal(before.rotatingPfx.value);
    expect(result.outputs.rotatingNextThumbprint.value).to.match(/^[0-9A-F]{40}$/).and.not.equal(before.rotatingThumbprint.value);
    expect(result.outputs.rotatingNextPfx.secret).to.equal(true);
    expect(result.outputs.rotatingNextCertificatePem).to.deep.include({ secret: false });
    // The next certificate starts at the faked "now", so it is outside its own window.
    expect(Date.parse(String(result.outputs.rotatingNextNotAfter.value))).to.be.greaterThan(notAfter);
    expect(stack.resources().find((resource) => resource.urn.endsWith("::rotating"))!.id, "same resource id").to.equal(id);
    expect(stack.stateText()).to.not.include(String(result.outputs.rotatingNextPfx.value).slice(0, 200));
    const settled = await stack.preview({ expectNoChanges: true });
    expect(settled.changeSummary).to.deep.equal({ same: 3 });
  });

  it("promotes the next certificate once the current one has expired, keeping the resource id", async () => {
    const before = await stack.stack.outputs();
    const id = stack.resources().find((resource) => resource.urn.endsWith("::rotating"))!.id;
    stack.stack.workspace.envVars.VB365_NOW = String(before.rotatingNotAfter.value);
    const result = await stack.up();
    expect(result.summary.resourceChanges).to.deep.include({ update: 1, same: 2 });
    expect(result.outputs.rotatingThumbprint.value).to.equal(before.rotatingNextThumbprint.value);
    expect(result.outputs.rotatingPfx.value).to.equal(before.rotatingNextPfx.value);
    expect(result.outputs.rotatingNotAfter.value).to.equal(before.rotatingNextNotAfter.value);
    expect(result.outputs.rotatingNextThumbprint?.value ?? null).to.equal(null);
    expect(stack.resources().find((resource) => resource.urn.endsWith("::rotating"))!.id).to.equal(id);
    await stack.preview({ expectNoChanges: true });
  });

  it("leaves the stack empty on destroy", async () => {
    const result = await stack.destroy();
    expect(result.summary.resourceChanges).to.deep.include({ delete: 3 });
    expect(stack.resources()).to.deep.equal([]);
  });
});
