import * as forge from "node-forge";
import { expect } from "chai";
import { describe, it } from "mocha";
import { generateRsaKeyPair } from "../../../provider/tenant-certificate/keypair";
import { createCertificate } from "../../helpers/certificate";

// Boundary: forge.options is real (lib/forge.js) but missing from @types/node-forge.
const forgeOptions = (forge as unknown as { options: { usePureJavaScript: boolean } }).options;

describe("TenantCertificate key generation", () => {
  it("generates a 4096-bit key without blocking the event loop", async function () {
    this.timeout(60_000);
    // A synchronous keygen would have finished before the call returned, so its promise would
    // settle before the next turn of the event loop; an asynchronous one is still running then.
    let settled = false;
    const pending = generateRsaKeyPair(4096).then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled, "settled within one turn of the event loop").to.equal(false);
    await pending;
    expect(settled).to.equal(true);
  });

  it("makes the key natively, never with forge's pure-JS prime search", async function () {
    this.timeout(30_000);
    const original = forge.pki.rsa.generateKeyPair;
    const usePureJavaScript = forgeOptions.usePureJavaScript;
    forge.pki.rsa.generateKeyPair = (() => {
      throw new Error("forge key generation must not be used");
    }) as typeof forge.pki.rsa.generateKeyPair;
    // Even with forge told to stay in JavaScript, the key comes from Node's crypto.
    forgeOptions.usePureJavaScript = true;
    try {
      const outs = await createCertificate({ subject: { commonName: "native" }, keySize: 3072 });
      expect(outs.keySize).to.equal(3072);
    } finally {
      forge.pki.rsa.generateKeyPair = original;
      forgeOptions.usePureJavaScript = usePureJavaScript;
    }
  });
});
