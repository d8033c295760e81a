import { createPrivateKey, X509Certificate } from "node:crypto";
import { expect } from "chai";
import { describe, it } from "mocha";
import { objectIdentifier, time, unsignedInteger } from "../../../emulator/der";
import { generateSelfSigned } from "../../../emulator/tls";

describe("emulator TLS certificate", () => {
  it("is a self-signed ECDSA P-256 CA certificate for loopback and the given hosts", async () => {
    const material = await generateSelfSigned(["127.0.0.1", "emulator.test", "::ffff:10.0.0.1"]);
    const certificate = new X509Certificate(material.certPem);
    expect(certificate.ca).to.equal(true);
    expect(certificate.checkIssued(certificate)).to.equal(true);
    expect(certificate.verify(certificate.publicKey)).to.equal(true);
    expect(certificate.publicKey.asymmetricKeyDetails).to.deep.equal({ namedCurve: "prime256v1" });
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

  describe("DER", () => {
    it("encodes object identifiers with multi-byte arcs", () => {
      expect(objectIdentifier("1.2.840.10045.4.3.2").toString("hex")).to.equal("06082a8648ce3d040302");
    });

    it("keeps integers positive", () => {
      expect(unsignedInteger(Buffer.from([0x80])).toString("hex")).to.equal("02020080");
      expect(unsignedInteger(Buffer.from([0, 0, 5])).toString("hex")).to.equal("020105");
    });

    it("writes UTCTime before 2050 and GeneralizedTime after (RFC 5280)", () => {
      expect(time(new Date("2049-12-31T23:59:59Z")).toString("latin1")).to.equal("\x17\x0d491231235959Z");
      expect(time(new Date("2050-01-01T00:00:00Z")).toString("latin1")).to.equal("\x18\x0f20500101000000Z");
    });
  });
});
