import { expect } from "chai";
import { ARCHIVE_REPOSITORY_ID, DEFAULT_REPOSITORY_ID } from "../../emulator";
import { compileWindow } from "../../provider/backup-job/window";
import type { EmulatorClient, EmulatorFixture } from "./emulator";
import {
  APPLICATION_ID,
  basicBody,
  configuredApplicationBody,
  existingApplicationBody,
  legacyBody,
  newApplicationBody,
  type PfxFixture,
  registerCertificate,
  signedInUserCode,
} from "./emulator-fixtures";

/**
 * A server whose organizations were added by hand, one of each authentication kind (vb365-api.md
 * §4.3 A–E) and a second "alpha" in the Germany cloud, with jobs of both types. Added through v7,
 * which still takes basic authentication and legacy protocols, so every version reads the same.
 */
export interface HandMadeServer {
  ids: Record<string, string>;
}

export const ORGANIZATIONS = {
  newApplication: "alpha.onmicrosoft.com",
  configured: "bravo.onmicrosoft.com",
  existing: "charlie.onmicrosoft.com",
  legacy: "delta.onmicrosoft.com",
  basic: "echo.onmicrosoft.com",
  germany: "alpha.onmicrosoft.de",
} as const;

export const CONFIGURED_APPLICATION_ID = "0b8f5a4e-2c3d-4e5f-8a9b-0c1d2e3f4a5b";

/** charlie's nightly job may run from 20:00 to 06:00 after a working day; its Sales job starts runs in office hours. */
export const NIGHTS = compileWindow([{ days: "Workdays", from: "20:00", to: "06:00" }]);
export const OFFICE_HOURS = compileWindow([{ days: "Workdays", from: "08:00", to: "18:00" }]);

export async function handMadeServer(fixture: EmulatorFixture, pfx: PfxFixture): Promise<HandMadeServer> {
  const client = await fixture.client("v7");
  const ids: Record<string, string> = {};
  const add = async (key: string, body: Record<string, unknown>) => {
    const response = await client.post("/Organizations", body);
    expect(response.status, response.text).to.equal(200);
    ids[key] = response.body.id as string;
  };

  await add("newApplication", newApplicationBody(await signedInUserCode(client, ORGANIZATIONS.newApplication), pfx));
  const configured = configuredApplicationBody(await signedInUserCode(client, ORGANIZATIONS.configured), pfx);
  await add("configured", {
    ...configured,
    exchangeOnlineSettings: { ...(configured.exchangeOnlineSettings as object), account: `backup@${ORGANIZATIONS.configured}`, applicationId: CONFIGURED_APPLICATION_ID },
    sharePointOnlineSettings: { ...(configured.sharePointOnlineSettings as object), officeOrganizationName: ORGANIZATIONS.configured, applicationId: CONFIGURED_APPLICATION_ID },
  });
  // The customers of charlie and of the Germany tenant registered the certificate on their application.
  for (const organizationName of [ORGANIZATIONS.existing, ORGANIZATIONS.germany]) registerCertificate(fixture.current, pfx, organizationName);
  await add("existing", { ...existingApplicationBody(pfx, ORGANIZATIONS.existing), isTeamsChatsOnline: true, description: "Gold tier: mail, sites, Teams and chats" });
  await add("legacy", legacyBody(ORGANIZATIONS.legacy));
  await add("basic", basicBody(ORGANIZATIONS.basic));
  await add("germany", { ...existingApplicationBody(pfx, ORGANIZATIONS.germany), region: "Germany", isTeamsOnline: false, isSharePointOnline: false, sharePointOnlineSettings: undefined });

  await jobsOfCharlie(client, ids.existing!, fixture);
  await createJob(client, ids.newApplication!, {
    name: "Alpha archive",
    backupType: "EntireOrganization",
    repositoryId: ARCHIVE_REPOSITORY_ID,
    isEnabled: false,
    schedulePolicy: { scheduleEnabled: false, type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00" },
  });
  return { ids };
}

/** charlie: Veeam's split, by hand: everything but the CEO, and the Sales people and places on the hour. */
async function jobsOfCharlie(client: EmulatorClient, organizationId: string, fixture: EmulatorFixture): Promise<void> {
  const inventory = fixture.current.inventory(organizationId);
  const user = (name: string) => ({ id: inventory.users.find((candidate) => candidate.name.startsWith(`${name}@`))!.id });
  await createJob(client, organizationId, {
    name: "Charlie everything",
    description: "The whole organization",
    backupType: "EntireOrganization",
    repositoryId: DEFAULT_REPOSITORY_ID,
    schedulePolicy: {
      scheduleEnabled: true,
      type: "Daily",
      dailyType: "Workdays",
      dailyTime: "20:30:00",
      retryEnabled: true,
      retryNumber: 3,
      retryWaitInterval: 10,
      backupWindowEnabled: true,
      backupWindowSettings: { backupWindow: NIGHTS, minuteOffset: 60 },
    },
    excludedItems: [{ type: "User", user: user("admin"), mailbox: true, oneDrive: true }],
  });
  await createJob(client, organizationId, {
    name: "charlie-sales",
    backupType: "SelectedItems",
    repositoryId: DEFAULT_REPOSITORY_ID,
    schedulePolicy: {
      scheduleEnabled: true,
      type: "Periodically",
      periodicallyEvery: "Hours4",
      periodicallyOffsetMinutes: 15,
      periodicallyWindowEnabled: true,
      periodicallyWindowSettings: { backupWindow: OFFICE_HOURS },
      retryEnabled: false,
    },
    selectedItems: [
      { type: "PartialOrganization", mailbox: true, archiveMailbox: true, oneDrive: false },
      { type: "User", user: user("alex"), mailbox: true, oneDrive: true },
      { type: "Group", group: { id: inventory.groups.find((group) => group.displayName === "Sales")!.id }, members: true, memberMailbox: true },
      { type: "Site", site: { id: inventory.sites.find((site) => site.url.endsWith("/sites/Sales"))!.id } },
      { type: "Team", team: { id: inventory.teams.find((team) => team.displayName === "Sales")!.id }, teams: true, teamsChats: true },
      { type: "OneDriveFolders", user: user("megan"), folders: ["Projects"] },
    ],
  });
}

async function createJob(client: EmulatorClient, organizationId: string, body: Record<string, unknown>): Promise<void> {
  const response = await client.post(`/Organizations/${organizationId}/Jobs`, body);
  expect(response.status, response.text).to.equal(200);
}

export { APPLICATION_ID };
