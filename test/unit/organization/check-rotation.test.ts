import { expect } from "chai";
import { before, describe, it } from "mocha";
import { checkOrganization } from "../../../provider/organization/check";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { APPLICATION_ID, existingApplicationInputs, makePfx, newApplicationInputs, sharedCertificateInputs, type TestPfx } from "../../helpers/tenant-fixtures";

const TENANT = "contoso.onmicrosoft.com";

/** An existing-application tenant with the shared certificate, as Vb365Tenant declares it. */
function tenant(pfx: TestPfx, extra: Partial<OrganizationInputs> = {}): OrganizationInputs {
  return sharedCertificateInputs({ ...existingApplicationInputs(pfx, TENANT), organizationName: TENANT }, pfx, undefined, extra);
}

function check(inputs: OrganizationInputs, previous?: OrganizationInputs) {
  return checkOrganization(inputs as Record<string, unknown>, "v8", previous);
}

describe("Vb365Organization check of a rotation's inputs", () => {
  let pfx: TestPfx;
  let next: TestPfx;
  before(async () => {
    [pfx, next] = await Promise.all([makePfx(), makePfx()]);
  });

  it("works out the next certificate's thumbprint", () => {
    const result = check(tenant(pfx, { nextApplicationCertificate: next.pfxBase64, nextApplicationCertificatePassword: next.password }));
    expect(result.failures).to.equal(undefined);
    expect(result.inputs?.nextApplicationCertificateThumbprint).to.equal(next.thumbprint);
    expect(result.inputs?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(pfx.thumbprint);
  });

  it("explains a next certificate its password does not open, in its own terms", () => {
    expect(check(tenant(pfx, { nextApplicationCertificate: next.pfxBase64, nextApplicationCertificatePassword: "wrong" })).failures).to.deep.equal([
      {
        property: "nextApplicationCertificate",
        reason: "nextApplicationCertificatePassword does not open the PFX in nextApplicationCertificate: its integrity check (MAC) failed, which means the nextApplicationCertificatePassword is wrong.",
      },
    ]);
  });

  it("lets a next certificate still unknown at preview through, to be checked once known", () => {
    const result = check(tenant(pfx, { nextApplicationCertificate: UNKNOWN_SENTINEL, nextApplicationCertificatePassword: UNKNOWN_SENTINEL }));
    expect(result.failures).to.equal(undefined);
    expect(result.inputs?.nextApplicationCertificate).to.equal(UNKNOWN_SENTINEL);
    expect(result.inputs).to.not.have.property("nextApplicationCertificateThumbprint");
  });

  it("takes a list with a thumbprint still unknown at preview as unknown as a whole, and checks the rest", () => {
    const result = check(tenant(pfx, { registeredThumbprints: [pfx.thumbprint, UNKNOWN_SENTINEL] }));
    expect(result.failures).to.equal(undefined);
    expect(result.inputs?.registeredThumbprints).to.equal(UNKNOWN_SENTINEL);
    expect(result.inputs?.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(pfx.thumbprint);
  });

  it("takes thumbprints as people copy them: any case, colons or spaces, each once, sorted", () => {
    const colons = next.thumbprint.toLowerCase().match(/../g)!.join(":");
    const spaced = pfx.thumbprint.match(/../g)!.join(" ");
    const result = check(tenant(pfx, { registeredThumbprints: [colons, spaced, pfx.thumbprint] }));
    expect(result.inputs?.registeredThumbprints).to.deep.equal([pfx.thumbprint, next.thumbprint].sort());
  });

  it("names a thumbprint that is not one, and a list that is not one", () => {
    expect(check(tenant(pfx, { registeredThumbprints: ["ABC"] })).failures).to.deep.equal([
      { property: "registeredThumbprints[0]", reason: 'registeredThumbprints[0] must be a certificate thumbprint (SHA-1: 40 hex digits, as TenantCertificate.thumbprint shows it), not "ABC".' },
    ]);
    expect(check(tenant(pfx, { registeredThumbprints: pfx.thumbprint as never })).failures).to.deep.equal([
      { property: "registeredThumbprints", reason: "registeredThumbprints must be a list of certificate thumbprints, e.g. [TenantCertificate.nextThumbprint]." },
    ]);
  });

  it("stops the creation of an existing-application organization whose certificate registeredThumbprints does not list, before any request", () => {
    expect(check(tenant(pfx, { registeredThumbprints: [next.thumbprint] })).failures).to.deep.equal([
      {
        property: "registeredThumbprints",
        reason: `registeredThumbprints does not list ${pfx.thumbprint}, the certificate ${TENANT} would be added with: VB365 would be refused (AADSTS700027) and nothing would be created. Register it on application ${APPLICATION_ID} in ${TENANT} (the customer's Entra app registration), then add it to registeredThumbprints.`,
      },
    ]);
  });

  it("does not stop an adoption, which keeps the server's certificate until a listed one may replace it", () => {
    expect(check(tenant(pfx, { registeredThumbprints: [], adoptExisting: true })).failures).to.equal(undefined);
  });

  it("lets it be created with a certificate registeredThumbprints lists, or without registeredThumbprints (the server decides)", () => {
    expect(check(tenant(pfx, { registeredThumbprints: [pfx.thumbprint] })).failures).to.equal(undefined);
    expect(check(tenant(pfx)).failures).to.equal(undefined);
  });

  it("creates with the next certificate where registeredThumbprints lists only that one", () => {
    expect(check(tenant(pfx, { nextApplicationCertificate: next.pfxBase64, nextApplicationCertificatePassword: next.password, registeredThumbprints: [next.thumbprint] })).failures).to.equal(undefined);
  });

  it("asks nothing of registeredThumbprints after creation, nor of an application VB365 registers certificates on", () => {
    const existing = tenant(pfx);
    expect(check(tenant(pfx, { registeredThumbprints: [] }), existing).failures).to.equal(undefined);
    expect(check({ ...newApplicationInputs(pfx, "CODE1"), registeredThumbprints: [] }).failures).to.equal(undefined);
  });

  it("refuses a next certificate where the credentials are kept, or where no service uses the shared certificate", () => {
    const kept = tenant(pfx, { adoptExisting: true, keepServerCredentials: true, nextApplicationCertificate: next.pfxBase64, nextApplicationCertificatePassword: next.password });
    delete kept.applicationCertificate;
    delete kept.applicationCertificatePassword;
    expect(check(kept).failures).to.deep.equal([
      { property: "nextApplicationCertificate", reason: "keepServerCredentials keeps the certificate the server has: remove nextApplicationCertificate, or set keepServerCredentials: false to rotate to it." },
    ]);
    const ownCertificates = { ...existingApplicationInputs(pfx, TENANT), nextApplicationCertificate: next.pfxBase64, nextApplicationCertificatePassword: next.password };
    expect(check(ownCertificates).failures).to.deep.equal([
      {
        property: "nextApplicationCertificate",
        reason: "nextApplicationCertificate is the next of the shared applicationCertificate, which no selected service uses: give the certificate as applicationCertificate, or replace each service's own certificate to rotate it.",
      },
    ]);
  });
});
