import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID, startEmulator, type ApiVersion, type Emulator, type RequestLogEntry } from "../../../emulator";
import { servedOperations } from "../../../emulator/routes";
import { EmulatorClient, send } from "../../helpers/emulator";
import { contractViolations, specOperations } from "../../helpers/emulator-contract";
import { APPLICATION_ID, existingApplicationBody, newApplicationBody, pfxFixture, signedInUserCode } from "../../helpers/emulator-fixtures";

// A tour of every served route on every version, successes and failures alike, whose responses
// are all validated against the trimmed official specs (emulator/openapi/). The other emulator
// test files validate their own responses the same way (test/helpers/emulator.ts).

const VERSIONS: readonly ApiVersion[] = ["v6", "v7", "v8"];
const MISSING = "11111111-1111-1111-1111-111111111111";

async function tour(emulator: Emulator, version: ApiVersion): Promise<void> {
  const pfx = pfxFixture();
  const rotated = pfxFixture({ password: "Rotated-Passw0rd!" });
  const form = { grant_type: "password", username: "admin", password: "vb365-emulator" };
  const login = await send(emulator, "POST", `/${version}/token`, { form });
  await send(emulator, "POST", `/${version}/token`, { form: { grant_type: "refresh_token", refresh_token: login.body.refresh_token } });
  await send(emulator, "POST", `/${version}/token`, { form: { ...form, password: "wrong" } });
  const client = new EmulatorClient(emulator, version);
  await client.login();
  await client.get("/ServiceInstance");
  if (version === "v8") await send(emulator, "GET", "/v8/Health");
  await send(emulator, "GET", `/${version}/RestorePortalSettings`);
  emulator.configure({ restorePortal: { isEnabled: true, applicationId: "2c1e5b8a-7d6f-4e3c-9b2a-1f0e8d7c6b5a", msalAuthorityUri: "https://login.microsoftonline.com/organizations", restorePortalUri: "https://vb365.example.com:4443" } });
  await send(emulator, "GET", `/${version}/RestorePortalSettings`);

  const userCode = await signedInUserCode(client, `${version}-new.onmicrosoft.com`);
  await client.post("/DeviceCode/check", { userCode });
  await client.post("/DeviceCode/check", { userCode: "UNKNOWN99" });
  await client.post("/DeviceCode", { targetRegion: "Atlantis" });

  const created = (await client.post("/Organizations", newApplicationBody(userCode, pfx))).body;
  // The customer registered the certificate on its application; the untrusted one below is refused.
  emulator.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint, organizationName: `${version}.onmicrosoft.com` });
  const existing = (await client.post("/Organizations", existingApplicationBody(pfx, `${version}.onmicrosoft.com`))).body;
  await client.post("/Organizations", existingApplicationBody(pfx, `${version}.onmicrosoft.com`));
  await client.post("/Organizations", { type: "Office365" });
  await client.get("/Organizations");
  await client.get("/Organizations?extendedView=true");
  if (version === "v8") await client.get("/Organizations?limit=1&offset=1");
  await client.get(`/Organizations/${created.id}`);
  await client.get(`/Organizations/${created.id}?extendedView=true`);
  await client.get(`/Organizations/${MISSING}`);
  await client.put(`/Organizations/${existing.id}`, { isTeamsOnline: false, ...(version === "v6" ? {} : { description: "updated" }) });
  await client.put(`/Organizations/${existing.id}`, { region: "China" });
  // Entra's trust: another organization's application trusts no certificate, and a rotation to an
  // unregistered one is refused as well (AADSTS700027).
  await client.post("/Organizations", existingApplicationBody(pfx, `${version}-untrusted.onmicrosoft.com`));
  const certificate = { applicationCertificate: rotated.base64, applicationCertificatePassword: rotated.password };
  await client.put(`/Organizations/${existing.id}`, { exchangeOnlineSettings: certificate, sharePointOnlineSettings: certificate });

  await client.get("/BackupRepositories");
  const jobBody = { name: `${version} job`, backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, schedulePolicy: { type: "Daily", dailyType: "Workdays", dailyTime: "23:00:00" } };
  const job = (version === "v8" ? await client.post("/Jobs", { ...jobBody, organizationId: existing.id }) : await client.post(`/Organizations/${existing.id}/Jobs`, jobBody)).body;
  if (version === "v8") await client.post("/Jobs", { backupType: "EntireOrganization" });
  else await client.post(`/Organizations/${MISSING}/Jobs`, jobBody);
  await client.get("/Jobs");
  if (version !== "v8") {
    await client.get(`/Organizations/${existing.id}/Jobs`);
    await client.get(`/Organizations/${MISSING}/Jobs`);
  }
  await client.get(`/Jobs/${job.id}`);
  await client.get(`/Jobs/${MISSING}`);

  // Nights and weekends, each version with the members its schema has (v6: no periodicallyWindowEnabled).
  const week = (allowed: (hour: number) => boolean) => Array.from({ length: 168 }, (_, hour) => allowed(hour));
  const nights = week((hour) => hour % 24 >= 20 || hour % 24 < 6);
  const schedulePolicy = {
    type: "Periodically",
    periodicallyEvery: "Hours2",
    periodicallyOffsetMinutes: 15,
    backupWindowEnabled: true,
    backupWindowSettings: { backupWindow: nights, minuteOffset: 60 },
    periodicallyWindowSettings: { backupWindow: week((hour) => hour < 24 || hour >= 144 || hour % 24 >= 22) },
    ...(version === "v6" ? {} : { periodicallyWindowEnabled: true }),
  };
  const windowedBody = { ...jobBody, name: `${version} windowed job`, schedulePolicy };
  const windowed = (version === "v8" ? await client.post("/Jobs", { ...windowedBody, organizationId: existing.id }) : await client.post(`/Organizations/${existing.id}/Jobs`, windowedBody)).body;
  await client.get(`/Jobs/${windowed.id}`);
  await client.put(`/Jobs/${windowed.id}`, { schedulePolicy: { ...schedulePolicy, backupWindowSettings: { backupWindow: nights.slice(1) } } });
  await client.delete(`/Jobs/${windowed.id}`);

  const organization = `/Organizations/${existing.id}`;
  await client.get(`${organization}/Users`);
  await client.get(`${organization}/Users?userName=alex@${version}.onmicrosoft.com&displayName=alex*&limit=1`);
  await client.get(`${organization}/Groups?groupName=sales@${version}.onmicrosoft.com`);
  await client.get(`${organization}/Sites`);
  await client.get(`${organization}/Sites?includePersonalSites=true&limit=2&offset=2`);
  await client.get(`${organization}/Teams?displayName=Sales`);
  await client.get(`/Organizations/${MISSING}/Teams`);
  const inventory = emulator.inventory(existing.id);
  const items = [
    { type: "User", user: { id: inventory.users[1]!.id }, mailbox: true, archiveMailbox: false, oneDrive: true, personalSite: true },
    { type: "Group", group: { id: inventory.groups[1]!.id }, members: true, memberMailbox: true, groupSite: true },
    { type: "Site", site: { id: inventory.sites[1]!.id } },
    { type: "Team", team: { id: inventory.teams[0]!.id }, teams: true, teamsChats: false },
    { type: "PartialOrganization", mailbox: true, sites: true },
    { type: "PersonalSites" },
    { type: "OneDriveFolders", user: { id: inventory.users[2]!.id }, folders: ["Documents"] },
  ];
  await client.put(`/Jobs/${job.id}`, { backupType: "SelectedItems", selectedItems: items, excludedItems: [{ type: "Site", site: { id: inventory.sites[2]!.id } }] });
  await client.put(`/Jobs/${job.id}`, { repositoryId: MISSING });
  await client.put(`/Jobs/${job.id}`, { selectedItems: [{ type: "User", user: { id: MISSING } }] });
  await client.put(`/Jobs/${MISSING}`, { name: "missing" });
  await client.get(`/Jobs/${job.id}/SelectedItems`);
  if (version === "v8") await client.get(`/Jobs/${job.id}/SelectedItems?limit=2&offset=2`);
  await client.get(`/Jobs/${job.id}/ExcludedItems`);
  await client.get(`/Jobs/${MISSING}/ExcludedItems`);
  await client.get(`/Jobs/${job.id}`);

  const team = version === "v6" ? [] : [{ type: "Team", team: { id: inventory.teams[0]!.id } }];
  const roleBody = {
    name: `${version} helpdesk`,
    description: "Restores for the helpdesk",
    roleType: "SpecificObjects",
    operators: [{ type: "User", user: { id: inventory.users[0]!.id } }, { type: "Group", group: { id: inventory.groups[0]!.id } }],
    selectedItems: [{ type: "Site", site: { id: inventory.sites[1]!.id } }, { type: "User", id: inventory.users[1]!.id }, ...team],
    excludedItems: [{ type: "User", user: { id: inventory.users[2]!.id } }],
  };
  const role = (await client.post(`${organization}/RbacRoles`, roleBody)).body;
  await client.post(`${organization}/RbacRoles`, roleBody);
  await client.post(`${organization}/RbacRoles`, { ...roleBody, name: "unknown operator", operators: [{ type: "User", user: { id: MISSING } }] });
  await client.post(`/Organizations/${MISSING}/RbacRoles`, roleBody);
  await client.get(`${organization}/RbacRoles`);
  await client.get(`/Organizations/${MISSING}/RbacRoles`);
  await client.get("/RbacRoles");
  await client.get(`/RbacRoles/${role.id}`);
  await client.get(`/RbacRoles/${MISSING}`);
  await client.put(`/RbacRoles/${role.id}`, { description: "updated" });
  await client.put(`/RbacRoles/${role.id}`, { selectedItems: [] });
  await client.put(`/RbacRoles/${MISSING}`, { name: "missing" });
  const lists = [["operators", "Group", inventory.groups[1]!.id], ["selectedItems", "Group", inventory.groups[1]!.id], ["excludedItems", "Site", inventory.sites[0]!.id]] as const;
  for (const [list, type, itemId] of lists) {
    await client.post(`/RbacRoles/${role.id}/${list}`, [{ type, id: itemId }]);
    await client.post(`/RbacRoles/${role.id}/${list}`, [{ type, id: MISSING }]);
    await client.post(`/RbacRoles/${MISSING}/${list}`, [{ type, id: itemId }]);
    await client.get(`/RbacRoles/${role.id}/${list}`);
    await client.get(`/RbacRoles/${MISSING}/${list}`);
    await client.get(`/RbacRoles/${role.id}/${list}/${itemId}`);
    await client.get(`/RbacRoles/${role.id}/${list}/${MISSING}`);
    await client.delete(`/RbacRoles/${role.id}/${list}?ids=${itemId}`);
    await client.delete(`/RbacRoles/${role.id}/${list}?ids=${MISSING}`);
  }

  await client.delete(`/Organizations/${existing.id}`);
  await client.post(`/Jobs/${job.id}/disable`);
  await client.post(`/Jobs/${job.id}/enable`);
  await client.post(`/Jobs/${MISSING}/enable`);
  await client.post(`/Jobs/${MISSING}/disable`);
  await client.delete(`/Jobs/${job.id}`);
  await client.delete(`/Jobs/${job.id}`);
  await client.delete(`/Organizations/${existing.id}`);
  await client.delete(`/RbacRoles/${role.id}`);
  await client.delete(`/RbacRoles/${role.id}`);
  await client.delete(`/Organizations/${existing.id}`);
  await client.delete(`/Organizations/${existing.id}`);

  await client.get("/NotARoute");
  emulator.injectFault({ kind: "organizations.list", versions: [version], status: 429, retryAfterSeconds: 1, times: 1 });
  await client.get("/Organizations");
  if (version !== "v6") await client.post("/token/logout");
  else emulator.expireTokens("access");
  await client.get("/Organizations");
}

describe("emulator OpenAPI contract", () => {
  let emulator: Emulator;
  const entries: RequestLogEntry[] = [];
  before(async () => {
    emulator = await startEmulator({ http: true, recordBodies: true, onRequest: (entry) => entries.push(entry) });
    for (const version of VERSIONS) await tour(emulator, version);
  });
  after(() => emulator?.close());

  it("serves exactly the operations of the trimmed specs, so the excerpt is in sync with the routes", () => {
    for (const version of VERSIONS) {
      const served = servedOperations([version]).map((operation) => `${operation.method} ${operation.path}`);
      expect(served.sort(), version).to.deep.equal(specOperations(version).sort());
    }
  });

  for (const version of VERSIONS) {
    it(`exercises every served route of ${version}`, () => {
      const answered = new Set(entries.filter((entry) => entry.version === version && entry.route).map((entry) => `${entry.method} ${entry.route}`));
      const missing = servedOperations([version]).map((operation) => `${operation.method} ${operation.path}`).filter((operation) => !answered.has(operation));
      expect(missing).to.deep.equal([]);
    });

    it(`answers every route of ${version} as its spec declares`, () => {
      const mine = entries.filter((entry) => entry.version === version);
      expect(mine.length).to.be.above(30);
      expect(contractViolations(mine)).to.deep.equal([]);
    });

    it(`covers successes and errors on ${version}`, () => {
      const statuses = new Set(entries.filter((entry) => entry.version === version).map((entry) => entry.status));
      for (const status of [200, 204, 400, 401, 404, 409, 429]) expect(statuses, `status ${status}`).to.include(status);
      expect(statuses).to.include(version === "v8" ? 201 : 200);
    });
  }

  it("catches a response that breaks the contract", () => {
    const broken: RequestLogEntry = {
      ...entries.find((entry) => entry.version === "v6" && entry.kind === "organizations.get" && entry.status === 200)!,
    };
    broken.responseBody = { ...(broken.responseBody as object), msid: "not in v6", region: "Mars" };
    expect(contractViolations([broken])).to.have.members([
      `GET ${broken.path} -> 200: /region must be equal to one of the allowed values`,
      `GET ${broken.path} -> 200: (body) must NOT have additional properties (msid)`,
    ]);
    const wrongStatus: RequestLogEntry = { ...broken, status: 201, responseBody: entries.find((entry) => entry.kind === "organizations.get")!.responseBody };
    expect(contractViolations([wrongStatus])[0]).to.match(/status 201 is not declared/);
  });
});
