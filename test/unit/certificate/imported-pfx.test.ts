import { expect } from "chai";
import { before, describe, it } from "mocha";
import { openedCertificates } from "../../../provider/common/opened-certificates";
import { readApplicationCertificate } from "../../../provider/organization/certificate";
import { certificateFacts } from "../../../provider/tenant-certificate/facts";
import { generateTenantCertificate } from "../../../provider/tenant-certificate/generate";
import { readImportedPfx } from "../../../provider/tenant-certificate/imported-pfx";
import { readPfx } from "../../../provider/tenant-certificate/pfx";

const PASSWORD = "Pfx-Passw0rd-for-tests!";

describe("reading an imported PFX once for check and create", () => {
  let pfxBase64 = "";

  before(async () => {
    const { pfx } = await generateTenantCertificate({ subject: { commonName: "imported" }, keySize: 2048, validityDays: 30, password: PASSWORD, pfxEncryption: "3des", at: new Date() });
    pfxBase64 = pfx.toString("base64");
  });

  it("reads what readPfx reads, and answers the same bytes and password with the reading it kept", () => {
    const first = readImportedPfx(pfxBase64, PASSWORD);
    const direct = readPfx(Buffer.from(pfxBase64, "base64"), PASSWORD);
    const facts = (reading: typeof first) => reading.contents && { ...certificateFacts(reading.contents.certificate), friendlyName: reading.contents.friendlyName };
    expect(facts(first)).to.deep.equal(facts(direct)).and.to.have.property("thumbprint");
    expect(readImportedPfx(pfxBase64, PASSWORD)).to.equal(first);
  });

  it("reads again for another password, which the kept reading does not answer for", () => {
    const opened = readImportedPfx(pfxBase64, PASSWORD);
    const refused = readImportedPfx(pfxBase64, "not-the-password");
    expect(opened.problem).to.equal(undefined);
    expect(refused.problem?.property).to.equal("password");
  });

  it("tells the organization that takes these bytes their thumbprint, without its opening them again", () => {
    const reading = readImportedPfx(pfxBase64, PASSWORD);
    const thumbprint = reading.contents && certificateFacts(reading.contents.certificate).thumbprint;
    expect(openedCertificates.get(pfxBase64, PASSWORD)?.thumbprint).to.equal(thumbprint);
    expect(readApplicationCertificate(pfxBase64, PASSWORD).thumbprint).to.equal(thumbprint);
    expect(openedCertificates.get(pfxBase64, "not-the-password")).to.equal(undefined);
  });
});
