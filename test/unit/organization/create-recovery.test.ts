import { expect } from "chai";
import { describe, it } from "mocha";
import { type ConnectionSettings, type RemoteOrganization, Vb365ApiError, Vb365ConnectionError } from "../../../provider/client";
import { createOrganization } from "../../../provider/organization/create";
import type { ConnectionPool } from "../../../provider/organization/runtime";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { basicInputs } from "../../helpers/tenant-fixtures";

const SETTINGS: ConnectionSettings = { url: "https://vb365.test:4443", username: "u", password: "p", apiVersion: "v8", insecureSkipVerify: false, timeoutMs: 1000 };
const TENANT = "contoso.onmicrosoft.com";
const CREATE = { method: "POST", path: "/v8/Organizations" };

function organization(name: string, thumbprint?: string): RemoteOrganization {
  const settings = { useApplicationOnlyAuth: !!thumbprint, applicationCertificateThumbprint: thumbprint ?? null };
  return { id: "6b7c2d3e-0000-4000-8000-000000000009", name, exchangeOnlineSettings: settings, sharePointOnlineSettings: settings } as RemoteOrganization;
}

/**
 * A server scripted call by call: each POST answers with the next outcome (an error to throw
 * or an organization to return), each listing with the next list. Only what createOrganization
 * uses of ConnectionPool and Vb365Client is there.
 */
function scriptedPool(posts: Array<Error | RemoteOrganization>, listings: RemoteOrganization[][]) {
  const calls = { posts: 0, listings: 0 };
  const client = {
    createOrganization: async () => {
      const next = posts[calls.posts++];
      if (next instanceof Error) throw next;
      return next;
    },
  };
  const pool = {
    client: () => client,
    list: async () => listings[Math.min(calls.listings++, listings.length - 1)],
    forget: () => undefined,
  };
  // The boundary of the fake: createOrganization takes the real class, which this imitates.
  return { pool: pool as unknown as ConnectionPool, calls };
}

describe("Vb365Organization create, after refusals and ambiguous failures", () => {
  const inputs: OrganizationInputs = basicInputs(TENANT);

  it("takes back, by name, the organization its own timed-out attempt added and a retry was refused for (409)", async () => {
    const theirs = organization(TENANT);
    const { pool, calls } = scriptedPool(
      [new Vb365ConnectionError(CREATE.method, CREATE.path, "timeout", "no answer in time"), new Vb365ApiError({ ...CREATE, status: 409, veeamMessage: "already added" })],
      [[], [theirs]],
    );
    const created = await createOrganization(pool, SETTINGS, inputs);
    expect(created.id).to.equal(theirs.id);
    expect(calls).to.deep.equal({ posts: 2, listings: 2 });
  });

  it("does not take over an organization without a certificate on a first-attempt 409, and says how to adopt it", async () => {
    const { pool } = scriptedPool([new Vb365ApiError({ ...CREATE, status: 409, veeamMessage: `The organization '${TENANT}' has already been added.` })], [[organization(TENANT)]]);
    const error = await createOrganization(pool, SETTINGS, inputs).catch((caught: Error) => caught);
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/^VB365 POST \/v8\/Organizations failed with 409: The organization 'contoso.onmicrosoft.com' has already been added\./);
    expect((error as Error).message).to.contain("set adoptExisting: true");
  });

  it("takes back the organization with this tenant's certificate when the create is refused with 400 (its device code was used by that organization)", async () => {
    const thumbprint = "72E825982326AE21601177F08EF80B2C52A965C4";
    const withCertificate: OrganizationInputs = {
      isExchangeOnline: true,
      isSharePointOnline: false,
      newApplicationName: "VB365",
      userCode: "ABCDEFGHI",
      exchangeOnlineSettings: { applicationCertificate: "MIIK", applicationCertificatePassword: "x", applicationCertificateThumbprint: thumbprint } as OrganizationInputs["exchangeOnlineSettings"],
    };
    const ours = organization(TENANT, thumbprint);
    const { pool } = scriptedPool([new Vb365ApiError({ ...CREATE, status: 400, veeamMessage: "The device code has already been used." })], [[organization("other.onmicrosoft.com", "00"), ours]]);
    expect((await createOrganization(pool, SETTINGS, withCertificate)).id).to.equal(ours.id);
  });

  it("passes a 400 on when no organization carries this tenant's certificate", async () => {
    const { pool } = scriptedPool([new Vb365ApiError({ ...CREATE, status: 400, veeamMessage: "The device code has already been used." })], [[]]);
    const error = await createOrganization(pool, SETTINGS, inputs).catch((caught: Error) => caught);
    expect(error).to.be.instanceOf(Vb365ApiError);
    expect((error as Vb365ApiError).status).to.equal(400);
  });
});
