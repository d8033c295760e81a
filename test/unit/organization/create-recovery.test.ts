import { expect } from "chai";
import { describe, it } from "mocha";
import { type ConnectionSettings, type RemoteOrganization, Vb365ApiError, Vb365ConnectionError } from "../../../provider/client";
import { addOrAdoptOrganization, type SlowCreateNotice } from "../../../provider/organization/create";
import { planOf } from "../../../provider/organization/plan";
import type { ConnectionPool } from "../../../provider/common/connection-pool";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { rejection } from "../../helpers/rejection";
import { basicInputs } from "../../helpers/tenant-fixtures";

async function addOrAdopt(pool: ConnectionPool, settings: ConnectionSettings, inputs: OrganizationInputs, notice?: SlowCreateNotice) {
  return (await addOrAdoptOrganization(pool, settings, planOf(inputs), notice)).organization;
}

const SETTINGS: ConnectionSettings = { url: "https://vb365.test:4443", username: "u", password: "p", apiVersion: "v8", insecureSkipVerify: false, timeoutMs: 1000, createTimeoutMs: 1000 };
const TENANT = "contoso.onmicrosoft.com";
const CREATE = { method: "POST", path: "/v8/Organizations" };
/** One multi-tenant application's certificate, shared by every tenant of these tests. */
const SHARED = "72E825982326AE21601177F08EF80B2C52A965C4";

let ids = 0;
function organization(name: string, thumbprint?: string): RemoteOrganization {
  const settings = { useApplicationOnlyAuth: !!thumbprint, applicationCertificateThumbprint: thumbprint ?? null };
  const id = `6b7c2d3e-0000-4000-8000-${String(++ids).padStart(12, "0")}`;
  return { id, name, officeName: name, exchangeOnlineSettings: settings, sharePointOnlineSettings: settings } as RemoteOrganization;
}

/** Inputs as check leaves them for an existing-application tenant: the thumbprint worked out. */
function existingApplication(tenant: string | undefined, thumbprint = SHARED, extra: Partial<OrganizationInputs> = {}): OrganizationInputs {
  const service = { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", applicationCertificateThumbprint: thumbprint, ...(tenant ? { account: `backup@${tenant}` } : {}) };
  return { isExchangeOnline: true, isSharePointOnline: false, applicationCertificate: "MIIK", applicationCertificatePassword: "x", exchangeOnlineSettings: service, ...extra } as OrganizationInputs;
}

function newApplication(organizationName: string | undefined, thumbprint = SHARED): OrganizationInputs {
  const service = { applicationCertificateThumbprint: thumbprint };
  return {
    isExchangeOnline: true,
    isSharePointOnline: false,
    newApplicationName: "VB365",
    userCode: "ABCDEFGHI",
    applicationCertificate: "MIIK",
    applicationCertificatePassword: "x",
    exchangeOnlineSettings: service,
    ...(organizationName ? { organizationName } : {}),
  } as OrganizationInputs;
}

/**
 * A server scripted call by call: each POST answers with the next outcome (an error to throw
 * or an organization to return), each listing with the next list. Only what the create path
 * uses of ConnectionPool and Vb365Client is there, and every write is recorded.
 */
function scriptedPool(posts: Array<Error | RemoteOrganization>, listings: RemoteOrganization[][]) {
  const calls = { posts: 0, listings: 0, updated: [] as string[], deleted: [] as string[] };
  const client = {
    createOrganization: async () => {
      const next = posts[calls.posts++];
      if (next instanceof Error) throw next;
      return next;
    },
    updateOrganization: async (id: string) => void calls.updated.push(id),
    deleteOrganization: async (id: string) => void calls.deleted.push(id),
  };
  const pool = {
    client: () => client,
    list: async () => listings[Math.min(calls.listings++, listings.length - 1)],
    // Adoption reads the shared listing; recovery reads a fresh one: the script answers both in turn.
    listingOf: async () => listings[Math.min(calls.listings++, listings.length - 1)],
    forget: () => undefined,
  };
  // The boundary of the fake: the create path takes the real class, which this imitates.
  return { pool: pool as unknown as ConnectionPool, calls };
}

const reset = () => new Vb365ConnectionError(CREATE.method, CREATE.path, "connection_reset", "the connection was reset");
const timedOut = () => new Vb365ConnectionError(CREATE.method, CREATE.path, "timeout", "no answer in time");
const refusedConnection = () => new Vb365ConnectionError(CREATE.method, CREATE.path, "unreachable", "nothing answers (connection refused)");
const badGateway = () => new Vb365ApiError({ ...CREATE, status: 502 });
const conflict = (name: string) => new Vb365ApiError({ ...CREATE, status: 409, veeamMessage: `The organization '${name}' has already been added.` });
const usedCode = () => new Vb365ApiError({ ...CREATE, status: 400, veeamMessage: "The device code has already been used." });

describe("Vb365Organization create, after refusals and ambiguous failures", () => {
  it("takes back, by name, the organization its own timed-out attempt added and a retry was refused for (409)", async () => {
    const theirs = organization(TENANT);
    const { pool, calls } = scriptedPool([new Vb365ConnectionError(CREATE.method, CREATE.path, "timeout", "no answer in time"), conflict(TENANT)], [[], [theirs]]);
    const created = await addOrAdopt(pool, SETTINGS, basicInputs(TENANT));
    expect(created.id).to.equal(theirs.id);
    expect(calls).to.deep.include({ posts: 2, listings: 2 });
  });

  it("does not take over an organization without a certificate on a first-attempt 409, and says how to adopt it", async () => {
    const { pool } = scriptedPool([conflict(TENANT)], [[organization(TENANT)]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, basicInputs(TENANT)));
    expect(error.message).to.match(/^VB365 POST \/v8\/Organizations failed with 409: The organization 'contoso.onmicrosoft.com' has already been added\./);
    expect(error.message).to.contain("set adoptExisting: true");
  });

  it("takes back the organization with this tenant's name and certificate when the create is refused with 400 (its device code was used by that organization)", async () => {
    const ours = organization(TENANT, SHARED);
    const { pool } = scriptedPool([usedCode()], [[organization("other.onmicrosoft.com", SHARED), ours]]);
    expect((await addOrAdopt(pool, SETTINGS, newApplication(TENANT))).id).to.equal(ours.id);
  });

  it("passes a 400 on when no organization carries this tenant's name", async () => {
    const { pool } = scriptedPool([usedCode()], [[organization("other.onmicrosoft.com", SHARED)]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, newApplication(TENANT)));
    expect(error).to.be.instanceOf(Vb365ApiError);
    expect((error as Vb365ApiError).status).to.equal(400);
  });
});

describe("Vb365Organization create, when tenants share one application certificate", () => {
  const fleet = ["t1", "t2", "t3", "t10"].map((tenant) => organization(`${tenant}.onmicrosoft.com`, SHARED));

  it("takes back its own organization after a 409, not the first one that carries the shared certificate", async () => {
    const { pool, calls } = scriptedPool([conflict("t3.onmicrosoft.com")], [fleet]);
    const recovered = await addOrAdopt(pool, SETTINGS, existingApplication("t3.onmicrosoft.com"));
    expect(recovered.name).to.equal("t3.onmicrosoft.com");
    expect(calls.posts).to.equal(1);
  });

  it("takes back its own organization after a reset the server had acted on", async () => {
    const { pool, calls } = scriptedPool([reset()], [fleet]);
    const recovered = await addOrAdopt(pool, SETTINGS, existingApplication("t10.onmicrosoft.com"));
    expect(recovered.name).to.equal("t10.onmicrosoft.com");
    expect(calls).to.deep.include({ posts: 1, listings: 1 });
  });

  it("posts again after a reset when only other tenants carry the shared certificate", async () => {
    const added = organization("t11.onmicrosoft.com", SHARED);
    const { pool, calls } = scriptedPool([reset(), added], [fleet]);
    const created = await addOrAdopt(pool, SETTINGS, existingApplication("t11.onmicrosoft.com"));
    expect(created.id).to.equal(added.id);
    expect(calls.posts).to.equal(2);
  });

  it("refuses to take back an organization of its name that uses another certificate, and names adoptExisting", async () => {
    const { pool } = scriptedPool([conflict("t2.onmicrosoft.com")], [[organization("t2.onmicrosoft.com", "0".repeat(40))]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, existingApplication("t2.onmicrosoft.com")));
    expect(error.message).to.contain("set adoptExisting: true");
  });

  it("stops, naming the candidates, when several organizations of its name carry the certificate", async () => {
    const twins = [organization("t1.onmicrosoft.com", SHARED), organization("T1.onmicrosoft.com", SHARED)];
    const { pool, calls } = scriptedPool([conflict("t1.onmicrosoft.com")], [twins]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, existingApplication("t1.onmicrosoft.com")));
    expect(error.name).to.equal("AmbiguousOrganizationError");
    expect(error.message).to.match(/^Cannot tell which organization is this resource's: 2 organizations on the server are named t1\.onmicrosoft\.com: t1\.onmicrosoft\.com \(.*\), T1\.onmicrosoft\.com \(/);
    expect(error.message).to.contain("Nothing was changed. Set organizationName");
    expect(calls).to.deep.include({ posts: 1, updated: [], deleted: [] });
  });

  it("does not say nothing was changed when several organizations of its name carry the certificate after its own attempt lost its answer", async () => {
    const twins = [organization("t1.onmicrosoft.com", SHARED), organization("T1.onmicrosoft.com", SHARED)];
    const { pool, calls } = scriptedPool([reset()], [twins]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, existingApplication("t1.onmicrosoft.com")));
    expect(error.name).to.equal("AmbiguousOrganizationError");
    expect(error.message).to.match(/^Cannot tell which organization is this resource's: 2 organizations on the server are named t1\.onmicrosoft\.com: t1\.onmicrosoft\.com \(.*\), T1\.onmicrosoft\.com \(.*\)\. /);
    expect(error.message).to.contain(
      "An attempt of this create lost its answer and may have added one of them; nothing else was changed. Set organizationName to the Microsoft 365 name of this tenant",
    );
    expect(error.message).to.not.contain("Nothing was changed");
    expect(calls).to.deep.include({ posts: 1, updated: [], deleted: [] });
  });

  it("adopts (adoptExisting) the organization of its own name, each tenant its own", async () => {
    for (const target of fleet) {
      const { pool, calls } = scriptedPool([], [fleet]);
      const adopted = await addOrAdopt(pool, SETTINGS, existingApplication(undefined, SHARED, { organizationName: target.name!, adoptExisting: true }));
      expect(adopted.id).to.equal(target.id);
      expect(calls).to.deep.include({ posts: 0, updated: [target.id] });
    }
  });
});

/** What a create of inputs that name no tenant says after VB365 refused its POST with `error`. */
const unnamedRefusal = (error: Vb365ApiError) =>
  `${error.message} Nothing was taken back or changed: these inputs name no Microsoft 365 organization (organizationName, officeOrganizationName or the domain of account), ` +
  "and a certificate alone never tells which organization on the server is this tenant's, since tenants may share one. " +
  "Set organizationName to the tenant's name as VB365 reports it (e.g. contoso.onmicrosoft.com) and run again; if an interrupted run of this stack added it, set adoptExisting: true as well.";

/** What a create of inputs that name no tenant says after an attempt whose outcome is unknown failed with `error`. */
const unnamedLostAnswer = (error: Error) =>
  `${error.message} Whether that attempt added the organization is unknown, so it was not sent again: these inputs name no Microsoft 365 organization ` +
  "(organizationName, officeOrganizationName or the domain of account), and without a name nothing tells which organization on the server is this tenant's, since tenants may share a certificate. " +
  "Set organizationName to the tenant's name as VB365 reports it (e.g. contoso.onmicrosoft.com) and run again: the organization of that name that carries this certificate is then taken back, " +
  "or added if VB365 has none. Or look in VB365: if it holds this tenant's organization, adopt it with adoptExisting: true and organizationName.";

// A certificate is no identity: the one organization that carries it may be another customer's,
// which the stack would then update and, on destroy, delete.
describe("Vb365Organization create without a name, beside another tenant's organization with the same certificate", () => {
  const refusedAsInvalid = () => new Vb365ApiError({ ...CREATE, status: 400, veeamMessage: "Cannot tell which Microsoft 365 organization to add." });

  for (const [status, refusal] of [[409, () => conflict("t1.onmicrosoft.com")], [400, refusedAsInvalid]] as const) {
    it(`reports a ${status} as it is, saying to set organizationName, and takes nothing back`, async () => {
      const other = organization("t1.onmicrosoft.com", SHARED);
      const refused = refusal();
      const { pool, calls } = scriptedPool([refused], [[other]]);
      const error = await rejection(addOrAdopt(pool, SETTINGS, existingApplication(undefined)));
      expect(error.name).to.equal("AmbiguousOrganizationError");
      expect(error.message).to.equal(unnamedRefusal(refused));
      expect(calls).to.deep.include({ posts: 1, listings: 0, updated: [], deleted: [] });
    });
  }

  // A second POST would be refused (409) for what the first one added, and nothing could say that
  // organization is this tenant's: the stack would forget it on the server.
  for (const [what, lost] of [["a reset", reset], ["a timeout", timedOut], ["a 502", badGateway]] as const) {
    it(`does not post again after ${what}, and says that attempt may have added the organization`, async () => {
      const other = organization("t1.onmicrosoft.com", SHARED);
      const failed = lost();
      const { pool, calls } = scriptedPool([failed, conflict("t1.onmicrosoft.com")], [[other]]);
      const error = await rejection(addOrAdopt(pool, SETTINGS, existingApplication(undefined)));
      expect(error.name).to.equal("AmbiguousOrganizationError");
      expect(error.message).to.equal(unnamedLostAnswer(failed));
      expect(calls).to.deep.include({ posts: 1, listings: 0, updated: [], deleted: [] });
    });
  }

  it("posts again after a refused connection, which never reached VB365, then stops at a reset", async () => {
    const failed = reset();
    const { pool, calls } = scriptedPool([refusedConnection(), failed, conflict("t1.onmicrosoft.com")], [[organization("t1.onmicrosoft.com", SHARED)]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, existingApplication(undefined)));
    expect(error.message).to.equal(unnamedLostAnswer(failed));
    expect(calls).to.deep.include({ posts: 2, listings: 0, updated: [], deleted: [] });
  });

  it("refuses adoptExisting before any request, however few organizations carry the certificate", async () => {
    const other = organization("t1.onmicrosoft.com", SHARED);
    const { pool, calls } = scriptedPool([conflict("t1.onmicrosoft.com")], [[other]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, existingApplication(undefined, SHARED, { adoptExisting: true })));
    expect(error.message).to.equal(
      "adoptExisting takes over only the organization of this tenant's Microsoft 365 name, and these inputs give none: nothing was adopted or changed. " +
        "Set organizationName (e.g. contoso.onmicrosoft.com); a certificate never identifies a tenant, since tenants may share one.",
    );
    expect(calls).to.deep.include({ posts: 0, listings: 0, updated: [], deleted: [] });
  });

  it("refuses a device code without organizationName before any request", async () => {
    const { pool, calls } = scriptedPool([usedCode()], [[organization("t1.onmicrosoft.com", SHARED)]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, newApplication(undefined)));
    expect(error.message).to.equal(
      "organizationName is required with newApplicationName: set it to the Microsoft 365 name of the tenant whose Global Administrator signs in with the device code, " +
        "as VB365 reports it (its *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com). Whoever signs in decides which tenant VB365 adds, and only this name " +
        "proves it is this one: tenants may share an application or a certificate. Nothing was sent to VB365.",
    );
    expect(calls).to.deep.include({ posts: 0, listings: 0, updated: [], deleted: [] });
  });
});

describe("Vb365Organization create, when VB365 adds another tenant than the one declared", () => {
  it("removes the organization a device code signed in to another tenant added, and says what to do", async () => {
    const contoso = organization("contoso.onmicrosoft.com", SHARED);
    const { pool, calls } = scriptedPool([contoso], [[]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, newApplication("fabrikam.onmicrosoft.com")));
    expect(error.name).to.equal("WrongTenantError");
    expect(error.message).to.equal(
      "VB365 added contoso.onmicrosoft.com instead of fabrikam.onmicrosoft.com: the administrator who signed in with the device code belongs to contoso.onmicrosoft.com, " +
        "not to fabrikam.onmicrosoft.com (organizationName). It was removed again and nothing was recorded in the stack. " +
        "Request a new device code (vb365 device-code) and have a Global Administrator of fabrikam.onmicrosoft.com sign in with it, then run again.",
    );
    expect(calls.deleted).to.deep.equal([contoso.id]);
  });

  it("accepts the organization when VB365 reports the declared name in another case", async () => {
    const added = organization("Fabrikam.onmicrosoft.com", SHARED);
    const { pool, calls } = scriptedPool([added], [[]]);
    expect((await addOrAdopt(pool, SETTINGS, newApplication("fabrikam.onmicrosoft.com"))).id).to.equal(added.id);
    expect(calls.deleted).to.deep.equal([]);
  });
});

describe("Vb365Organization create, when an attempt that lost its answer may have added another tenant", () => {
  it("names the organizations that use the certificate under another name, and changes nothing", async () => {
    const intruder = organization("intruder.onmicrosoft.com", SHARED);
    const { pool, calls } = scriptedPool([reset(), usedCode()], [[intruder], [intruder]]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, newApplication("fabrikam.onmicrosoft.com")));
    expect(error.message).to.match(/^VB365 POST \/v8\/Organizations failed with 400: The device code has already been used\. An earlier attempt of this create lost its answer, and VB365 holds no organization named fabrikam\.onmicrosoft\.com; these use this tenant's certificate under another name: intruder\.onmicrosoft\.com \(/);
    expect(error.message).to.contain("request a new device code for the right tenant");
    expect(calls).to.deep.include({ updated: [], deleted: [] });
  });

  it("passes the 400 on as it is when no organization uses the certificate", async () => {
    const { pool } = scriptedPool([reset(), usedCode()], [[], []]);
    const error = await rejection(addOrAdopt(pool, SETTINGS, newApplication("fabrikam.onmicrosoft.com")));
    expect(error.message).to.equal("VB365 POST /v8/Organizations failed with 400: The device code has already been used.");
  });
});

describe("Vb365Organization create, while VB365 takes its time", () => {
  it("tells pulumi up what it waits for once the create has run longer than the notice delay", async () => {
    const added = organization("fabrikam.onmicrosoft.com", SHARED);
    const { pool } = scriptedPool([added], [[]]);
    const slowPool = pool as unknown as { client: () => { createOrganization: () => Promise<RemoteOrganization> } };
    const client = slowPool.client();
    const post = client.createOrganization;
    client.createOrganization = () => new Promise((resolve) => setTimeout(() => resolve(post()), 60));
    const lines: string[] = [];
    await addOrAdopt(pool, { ...SETTINGS, createTimeoutMs: 600_000 }, newApplication("fabrikam.onmicrosoft.com"), { afterMs: 10, notify: (line) => lines.push(line) });
    expect(lines).to.deep.equal([
      'vb365: adding fabrikam.onmicrosoft.com: VB365 registers the Entra application "VB365" in the customer\'s tenant and grants its permissions before it answers; waiting up to 600 s (vb365:createTimeoutSeconds).',
    ]);
  });

  it("says nothing when the create answers in time", async () => {
    const { pool } = scriptedPool([organization(TENANT, SHARED)], [[]]);
    const lines: string[] = [];
    await addOrAdopt(pool, SETTINGS, existingApplication(TENANT), { afterMs: 1_000, notify: (line) => lines.push(line) });
    expect(lines).to.deep.equal([]);
  });
});
