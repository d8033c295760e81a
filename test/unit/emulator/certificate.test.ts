import { expect } from "chai";
import { describe, it } from "mocha";
import { openPfx } from "../../../emulator/certificate";
import { ApiError } from "../../../emulator/errors";
import { pfxFixture } from "../../helpers/emulator-fixtures";

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("emulator openPfx", () => {
  it("opens a PFX with its password and returns the SHA-1 thumbprint, 40 uppercase hex digits", () => {
    const pfx = pfxFixture();
    const opened = openPfx(pfx.base64, pfx.password, "s.applicationCertificate", Date.now());
    expect(opened.thumbprint).to.match(/^[0-9A-F]{40}$/).and.equal(pfx.thumbprint);
  });

  it("tolerates line breaks in the base64", () => {
    const pfx = pfxFixture();
    const wrapped = pfx.base64.replace(/(.{76})/g, "$1\r\n");
    expect(openPfx(wrapped, pfx.password, "x", Date.now()).thumbprint).to.equal(pfx.thumbprint);
  });

  it("opens a PFX with an empty password when none is given", () => {
    const pfx = pfxFixture({ password: "" });
    expect(openPfx(pfx.base64, undefined, "x", Date.now()).thumbprint).to.equal(pfx.thumbprint);
  });

  it("explains each way a certificate cannot be used", () => {
    const pfx = pfxFixture();
    const prefix = "The certificate in 'x' cannot be used: ";
    expect(reason(() => openPfx(pfx.base64, "wrong", "x", Date.now()))).to.equal(`${prefix}The specified network password is not correct.`);
    expect(reason(() => openPfx(pfx.base64, undefined, "x", Date.now()))).to.equal(`${prefix}The specified network password is not correct.`);
    expect(reason(() => openPfx("abc", "p", "x", Date.now()))).to.equal(`${prefix}Invalid length for a Base-64 char array or string.`);
    expect(reason(() => openPfx("", "p", "x", Date.now()))).to.equal(`${prefix}Invalid length for a Base-64 char array or string.`);
    expect(reason(() => openPfx(Buffer.from("not a pfx").toString("base64"), "p", "x", Date.now()))).to.equal(`${prefix}The data is not a valid PFX (PKCS#12) file.`);
    expect(reason(() => openPfx(pfx.base64, pfx.password, "x", Date.now() + 400 * 86_400_000))).to.match(/^The certificate in 'x' cannot be used: The certificate expired on /);
  });
});
