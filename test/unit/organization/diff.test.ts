import { expect } from "chai";
import { before, describe, it } from "mocha";
import { checkOrganization } from "../../../provider/organization/check";
import { changesTheServer, diffOrganization, organizationChanges } from "../../../provider/organization/diff";
import { outputsFromInputs } from "../../../provider/organization/state";
import type { OrganizationInputs, OrganizationOutputs } from "../../../provider/organization/types";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";
import { existingApplicationInputs, makePfx, newApplicationInputs, sharedCertificateInputs, type TestPfx } from "../../helpers/tenant-fixtures";

/** `previous`: the inputs the organization was created with, for inputs checked after its creation. */
function checked(inputs: OrganizationInputs, previous?: OrganizationInputs): OrganizationInputs {
  const result = checkOrganization(inputs as Record<string, unknown>, "v8", previous);
  if (!result.inputs) throw new Error(JSON.stringify(result.failures));
  return result.inputs;
}

function created(inputs: OrganizationInputs): OrganizationOutputs {
  return outputsFromInputs(checked(inputs), { id: "6b7c2d3e-0000-4000-8000-000000000001", name: "contoso.onmicrosoft.com" }, "v8");
}

describe("Vb365Organization diff", () => {
  let pfx: TestPfx;
  let rotated: TestPfx;
  before(async () => {
    [pfx, rotated] = await Promise.all([makePfx(), makePfx()]);
  });

  it("finds no change when nothing changed", () => {
    const inputs = newApplicationInputs(pfx, "CODE1");
    expect(diffOrganization(created(inputs), checked(inputs))).to.deep.equal({ changes: false, replaces: [] });
  });

  it("keeps no PFX in the outputs, only its thumbprint", () => {
    const outputs = created({ ...existingApplicationInputs(pfx, "contoso.onmicrosoft.com"), applicationCertificate: pfx.pfxBase64, applicationCertificatePassword: pfx.password });
    const text = JSON.stringify(outputs);
    expect(text).not.to.contain(pfx.pfxBase64.slice(0, 40)).and.not.to.contain(pfx.password);
    expect(outputs.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(pfx.thumbprint);
  });

  it("ignores a changed or removed device code and application name after creation", () => {
    const inputs = newApplicationInputs(pfx, "CODE1");
    const olds = created(inputs);
    expect(diffOrganization(olds, checked({ ...inputs, userCode: "CODE2" })).changes).to.equal(false);
    expect(diffOrganization(olds, checked({ ...inputs, userCode: UNKNOWN_SENTINEL })).changes).to.equal(false);
    expect(diffOrganization(olds, checked({ ...inputs, newApplicationName: "other" })).changes).to.equal(false);
  });

  it("updates in place when services or description change", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const olds = created(inputs);
    expect(diffOrganization(olds, checked({ ...inputs, isSharePointOnline: false, sharePointOnlineSettings: undefined }))).to.deep.equal({ changes: true, replaces: [] });
    expect(diffOrganization(olds, checked({ ...inputs, description: "gold tier" }))).to.deep.equal({ changes: true, replaces: [] });
  });

  it("judges a certificate by thumbprint and applies it in place", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const olds = created(inputs);
    const reEncrypted = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    reEncrypted.exchangeOnlineSettings!.applicationCertificatePassword = pfx.password;
    expect(diffOrganization(olds, checked(reEncrypted)).changes).to.equal(false);
    expect(diffOrganization(olds, checked(existingApplicationInputs(rotated, "contoso.onmicrosoft.com")))).to.deep.equal({ changes: true, replaces: [] });
  });

  it("treats a certificate still unknown at preview as a change", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const news = checked(inputs);
    news.exchangeOnlineSettings = { ...news.exchangeOnlineSettings, applicationCertificate: UNKNOWN_SENTINEL };
    delete (news.exchangeOnlineSettings as { applicationCertificateThumbprint?: string }).applicationCertificateThumbprint;
    expect(diffOrganization(created(inputs), news).changes).to.equal(true);
  });

  it("replaces on a new region, organization name or connection", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const olds = created(inputs);
    expect(diffOrganization(olds, checked({ ...inputs, region: "Germany" })).replaces).to.deep.equal(["region"]);
    expect(diffOrganization(olds, checked({ ...inputs, connection: "emea" })).replaces).to.deep.equal(["connection"]);
  });

  it("records, in place and without a request, the organizationName given to an organization added without it, when VB365 reports that name", () => {
    const unnamed = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const olds = created(unnamed);
    const named = checked({ ...unnamed, organizationName: "Contoso.onmicrosoft.com" }, unnamed);
    expect(diffOrganization(olds, named)).to.deep.equal({ changes: true, replaces: [] });
    expect(changesTheServer(organizationChanges(olds, named).updates)).to.equal(false);
    expect(diffOrganization(olds, checked({ ...unnamed, organizationName: "fabrikam.onmicrosoft.com" }, unnamed)).replaces).to.deep.equal(["organizationName"]);
  });

  it("deletes first when the replacement is the same organization on the same server", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const olds = created(inputs);
    expect(diffOrganization(olds, checked({ ...inputs, region: "Germany" })).deleteBeforeReplace).to.equal(true);
    expect(diffOrganization(olds, checked({ ...inputs, connection: "emea" })).deleteBeforeReplace).to.equal(undefined);
    expect(diffOrganization(olds, checked({ ...inputs, isTeamsOnline: true })).deleteBeforeReplace).to.equal(undefined);
  });

  it("updates when an account password changes", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    const olds = created(inputs);
    const news = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    news.exchangeOnlineSettings!.account = "other@contoso.onmicrosoft.com";
    expect(diffOrganization(olds, checked(news)).changes).to.equal(true);
  });

  describe("a rotation's record", () => {
    const shared = (current: TestPfx, extra: Partial<OrganizationInputs> = {}): OrganizationInputs => sharedCertificateInputs(existingApplicationInputs(current, "contoso.onmicrosoft.com"), current, undefined, extra);
    const withNext = (extra: Partial<OrganizationInputs> = {}) => shared(pfx, { nextApplicationCertificate: rotated.pfxBase64, nextApplicationCertificatePassword: rotated.password, ...extra });

    it("shows no change for a state made before rotations existed, nor for an empty registeredThumbprints", () => {
      const olds = created(shared(pfx));
      for (const gone of ["registeredThumbprints", "nextApplicationCertificateThumbprint", "pendingCertificateThumbprint", "certificateRotation"]) expect(olds).to.not.have.property(gone);
      expect(diffOrganization(olds, checked(shared(pfx)))).to.deep.equal({ changes: false, replaces: [] });
      expect(diffOrganization(olds, checked(shared(pfx, { registeredThumbprints: [] }), shared(pfx)))).to.deep.equal({ changes: false, replaces: [] });
    });

    it("is an update when a next certificate first waits, and no change once the wait is recorded", () => {
      const olds = created(shared(pfx));
      expect(diffOrganization(olds, checked(withNext()))).to.deep.equal({ changes: true, replaces: [] });
      const recorded = { ...olds, pendingCertificateThumbprint: rotated.thumbprint };
      expect(diffOrganization(recorded, checked(withNext()))).to.deep.equal({ changes: false, replaces: [] });
    });

    it("is an update when the next certificate is confirmed, and when a confirmation alone changes", () => {
      const recorded = { ...created(shared(pfx)), pendingCertificateThumbprint: rotated.thumbprint };
      expect(diffOrganization(recorded, checked(withNext({ registeredThumbprints: [rotated.thumbprint] })))).to.deep.equal({ changes: true, replaces: [] });
      expect(diffOrganization(created(shared(pfx)), checked(shared(pfx, { registeredThumbprints: [pfx.thumbprint] }))).changes).to.equal(true);
    });

    it("shows an update while the confirmed thumbprints are not known yet at preview", () => {
      const news = { ...checked(withNext(), shared(pfx)), registeredThumbprints: UNKNOWN_SENTINEL } as unknown as OrganizationInputs;
      expect(diffOrganization({ ...created(shared(pfx)), pendingCertificateThumbprint: rotated.thumbprint }, news)).to.deep.equal({ changes: true, replaces: [] });
    });

    it("leaves a next certificate still unknown at preview to up, where it is known", () => {
      const news = { ...checked(shared(pfx)), nextApplicationCertificate: UNKNOWN_SENTINEL };
      expect(diffOrganization(created(shared(pfx)), news)).to.deep.equal({ changes: false, replaces: [] });
    });
  });
});
