import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { RemoteOrganization } from "../../../provider/client";
import { checkOrganization } from "../../../provider/organization/check";
import { diffOrganization } from "../../../provider/organization/diff";
import { outputsFromInputs, outputsFromRemote } from "../../../provider/organization/state";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { existingApplicationInputs, makePfx, type TestPfx } from "../../helpers/tenant-fixtures";

const ID = "6b7c2d3e-0000-4000-8000-000000000002";
const TENANT = "gamma.onmicrosoft.com";

function checked(inputs: OrganizationInputs): OrganizationInputs {
  const result = checkOrganization(inputs as Record<string, unknown>, "v8");
  if (!result.inputs) throw new Error(JSON.stringify(result.failures));
  return result.inputs;
}

describe("Vb365Organization refresh (outputsFromRemote)", () => {
  let pfx: TestPfx;
  before(async () => {
    pfx = await makePfx();
  });

  /** What the server reports for a SharePoint-only organization: it holds no Exchange settings. */
  function sharePointOnly(remote: Partial<RemoteOrganization> = {}): RemoteOrganization {
    return {
      id: ID,
      name: TENANT,
      region: "Worldwide",
      isExchangeOnline: false,
      isSharePointOnline: true,
      isTeamsOnline: false,
      isTeamsChatsOnline: false,
      exchangeOnlineSettings: null,
      sharePointOnlineSettings: { useApplicationOnlyAuth: true, applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: TENANT, applicationCertificateThumbprint: pfx.thumbprint },
      ...remote,
    } as RemoteOrganization;
  }

  it("keeps the declared settings of a service that is not selected, so a refresh shows no drift", () => {
    // Vb365Tenant hands both settings objects over whatever the services: one is never sent.
    const inputs = checked(existingApplicationInputs(pfx, TENANT, { isExchangeOnline: false }));
    const outputs = outputsFromInputs(inputs, { id: ID, name: TENANT }, "v8");
    const refreshed = outputsFromRemote(outputs, sharePointOnly());
    expect(refreshed.exchangeOnlineSettings).to.deep.equal(outputs.exchangeOnlineSettings);
    expect(diffOrganization(refreshed, inputs)).to.deep.equal({ changes: false, replaces: [] });
  });

  it("still reports the settings of a selected service gone from the server", () => {
    const inputs = checked(existingApplicationInputs(pfx, TENANT, { isExchangeOnline: false }));
    const outputs = outputsFromInputs(inputs, { id: ID, name: TENANT }, "v8");
    const refreshed = outputsFromRemote(outputs, sharePointOnly({ sharePointOnlineSettings: null }));
    expect(refreshed.sharePointOnlineSettings).to.equal(undefined);
    expect(diffOrganization(refreshed, inputs).changes).to.equal(true);
  });
});
