import { expect } from "chai";
import { describe, it } from "mocha";
import type { RemoteOrganization, Vb365Client } from "../../../provider/client";
import { updateKeepingCredentials } from "../../../provider/organization/kept-credentials";
import { planOf } from "../../../provider/organization/plan";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { rejection } from "../../helpers/rejection";

const THUMBPRINT = "A".repeat(40);
const settings = { useApplicationOnlyAuth: true, applicationId: "feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f", account: "backup@contoso.onmicrosoft.com" };
const remote = { id: "org-1", name: "contoso.onmicrosoft.com", type: "Office365", region: "Worldwide", isExchangeOnline: true, isSharePointOnline: false, isTeamsOnline: false, exchangeOnlineSettings: { ...settings, useMfa: true, applicationCertificateThumbprint: THUMBPRINT } } as unknown as RemoteOrganization;
const inputs: OrganizationInputs = { region: "Worldwide", isExchangeOnline: true, isSharePointOnline: false, keepServerCredentials: true, adoptExisting: true, exchangeOnlineSettings: settings };

/** A client whose server answers GET with `after` and records the PUTs. */
function serverAnswering(after: RemoteOrganization) {
  const puts: Array<Record<string, unknown>> = [];
  const client = {
    updateOrganization: async (_id: string, body: Record<string, unknown>) => void puts.push(body),
    getOrganization: async () => after,
  } as unknown as Vb365Client;
  return { client, puts };
}

describe("updateKeepingCredentials", () => {
  it("sends nothing when the declaration is what the server reports", async () => {
    const { client, puts } = serverAnswering(remote);
    await updateKeepingCredentials(client, remote, planOf(inputs));
    expect(puts).to.deep.equal([]);
  });

  it("reports a certificate the server dropped on the PUT, naming the tenant, the thumbprint and the way back", async () => {
    const dropped = { ...remote, description: "Silver", exchangeOnlineSettings: { ...settings, applicationCertificateThumbprint: null } } as unknown as RemoteOrganization;
    const { client, puts } = serverAnswering(dropped);
    const error = await rejection(updateKeepingCredentials(client, remote, planOf({ ...inputs, description: "Silver" })));
    expect(puts).to.have.length(1);
    expect(JSON.stringify(puts[0])).to.not.contain("applicationCertificate\"");
    expect(error.message).to.equal(
      `VB365 no longer reports the certificate of contoso.onmicrosoft.com after the update (exchangeOnlineSettings ${THUMBPRINT}): this server replaces an organization with the request ` +
        "and dropped the credentials it never returns. Backups of this tenant fail until a certificate is back: declare the tenant's PFX (applicationCertificate) " +
        "and set keepServerCredentials: false, then run the command again.",
    );
  });

  it("is content when the server still reports the certificate after the PUT", async () => {
    const { client, puts } = serverAnswering({ ...remote, description: "Silver" } as RemoteOrganization);
    await updateKeepingCredentials(client, remote, planOf({ ...inputs, description: "Silver" }));
    expect(puts).to.have.length(1);
  });
});
