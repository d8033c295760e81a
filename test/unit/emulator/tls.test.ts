import { createPrivateKey, X509Certificate } from "node:crypto";
import { expect } from "chai";
import { describe, it } from "mocha";
import { generateSelfSigned } from "../../../emulator/tls";

describe("emulator TLS certificate", () => {
  it("is a self-signed RSA CA certificate for loopback and the given hosts", async () => {
    const material = await generateSelfSigned(["127.0.0.1", "emulator.test", "::ffff:10.0.0.1"]);
    const certificate = new X509Certificate(material.certPem);
    expect(certificate.ca).to.equal(true);
    expect(certificate.checkIssued(certificate)).to.equal(true);
    expect(certificate.verify(certificate.publicKey)).to.equal(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).to.equal(2048);
    expect(certificate.checkPrivateKey(createPrivateKey(material.keyPem))).to.equal(true);
    expect(certificate.subjectAltName).to.equal(
      "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:emulator.test, IP Address:0:0:0:0:0:FFFF:A00:1",
    );
    expect(certificate.checkHost("localhost")).to.equal("localhost");
    expect(certificate.checkIP("127.0.0.1")).to.equal("127.0.0.1");
    expect(Date.parse(certificate.validFrom)).to.be.below(Date.now());
    expect(Date.parse(certificate.validTo)).to.be.above(Date.now() + 365 * 86_400_000);
    expect(material.fingerprint256).to.equal(certificate.fingerprint256);
  });

  it("uses a fresh key and serial every time", async () => {
    const [a, b] = await Promise.all([generateSelfSigned([]), generateSelfSigned([])]);
    expect(new X509Certificate(a.certPem).serialNumber).to.not.equal(new X509Certificate(b.certPem).serialNumber);
    expect(a.keyPem).to.not.equal(b.keyPem);
  });
});
