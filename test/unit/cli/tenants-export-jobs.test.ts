import { expect } from "chai";
import { describe, it } from "mocha";
import { exportedJob, type JobContext, type ServerJob } from "../../../cli/tenants/export/job-entry";
import { itemsFromServer } from "../../../provider/backup-job/items-from-server";
import { scheduleFromServer } from "../../../provider/backup-job/schedule-from-server";
import { compileWindow } from "../../../provider/backup-job/window";
import type { RemoteJob } from "../../../provider/client/job-schemas";

const DEFAULT_ID = "c9d0f1e2-0000-4000-8000-000000000001";
const ARCHIVE_ID = "c9d0f1e2-0000-4000-8000-000000000002";

function context(taken = new Set<string>()): JobContext {
  return {
    tenant: "contoso",
    organization: "contoso.onmicrosoft.com",
    repositories: new Map([
      [DEFAULT_ID, "Default Backup Repository"],
      [ARCHIVE_ID, "Archive Repository"],
    ]),
    defaultRepository: "Default Backup Repository",
    taken,
  };
}

function serverJob(job: Partial<RemoteJob>, selectedItems: ServerJob["selectedItems"] = [], excludedItems: ServerJob["excludedItems"] = []): ServerJob {
  return {
    job: { id: "j1", name: "contoso-exchange", backupType: "EntireOrganization", repositoryId: DEFAULT_ID, isEnabled: true, schedulePolicy: { scheduleEnabled: true, type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00" }, ...job },
    selectedItems,
    excludedItems,
  };
}

describe("vb365 tenants export: schedules", () => {
  it("writes the members of the type the server reports, HH:MM and the retries", () => {
    expect(scheduleFromServer({ scheduleEnabled: true, type: "Daily", dailyType: "Workdays", dailyTime: "22:00:00", periodicallyEvery: "Hours1", retryEnabled: true, retryNumber: 3, retryWaitInterval: 10 })).to.deep.equal({
      schedule: { type: "Daily", dailyType: "Workdays", dailyTime: "22:00", retryEnabled: true, retryNumber: 3, retryWaitInterval: 10 },
    });
    expect(scheduleFromServer({ scheduleEnabled: true, type: "Daily", dailyType: "Everyday", dailyTime: "06:30:15" }).schedule?.dailyTime).to.equal("06:30:15");
    expect(scheduleFromServer({ scheduleEnabled: true, type: "Periodically", periodicallyEvery: "Minutes30", dailyTime: "22:00:00", retryEnabled: false, retryNumber: 3 })).to.deep.equal({
      schedule: { type: "Periodically", periodicallyEvery: "Minutes30", retryEnabled: false },
    });
  });

  it("calls a schedule that is switched off ManualOnly, as the provider sends it", () => {
    expect(scheduleFromServer({ scheduleEnabled: false, type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00" })).to.deep.equal({ schedule: { type: "ManualOnly" } });
  });

  it("writes windows as spans that give the server's hours, and leaves out a window that allows every hour", () => {
    const nights = compileWindow([{ days: "Weekends", from: "00:00", to: "24:00" }, { days: "Workdays", from: "19:00", to: "24:00" }]);
    const { schedule } = scheduleFromServer({
      scheduleEnabled: true,
      type: "Periodically",
      periodicallyEvery: "Hours2",
      periodicallyOffsetMinutes: 5,
      backupWindowEnabled: true,
      backupWindowSettings: { backupWindow: nights, minuteOffset: -60 },
      // v6 reports the periodic window's settings without its flag.
      periodicallyWindowSettings: { backupWindow: new Array(168).fill(true) },
    });
    expect(compileWindow(schedule!.backupWindow!.allowed)).to.deep.equal(nights);
    expect(schedule!.backupWindow!.minuteOffset).to.equal(-60);
    expect(schedule).to.not.have.property("periodicallyWindow");
    expect(schedule!.periodicallyOffsetMinutes).to.equal(5);
  });

  it("says why a schedule the tenants file cannot take is not written", () => {
    expect(scheduleFromServer(null)).to.deep.equal({ problem: "VB365 reports no schedule for it" });
    expect(scheduleFromServer({ scheduleEnabled: true, type: "Daily", backupWindowEnabled: true, backupWindowSettings: { backupWindow: [true, false] } })).to.deep.equal({
      problem: "its backup window is not the 168 hours of a week that the specs describe",
    });
    expect(scheduleFromServer({ scheduleEnabled: true, type: "Periodically", periodicallyEvery: "Hours24" }).problem).to.equal(
      "its schedule is not one the tenants file takes (schedule.periodicallyEvery must be one of Minutes5, Minutes10, Minutes15, Minutes30, Hours1, Hours2, Hours4, Hours8, Hours12)",
    );
  });
});

describe("vb365 tenants export: job items", () => {
  it("names users by UPN, groups and Teams by name and sites by URL, with the toggles that are on", () => {
    const { items, leftOut } = itemsFromServer([
      { id: "1", type: "PartialOrganization", mailbox: true, archiveMailbox: false, oneDrive: true, sites: false },
      { id: "2", type: "user", user: { id: "u", name: "alex@contoso.onmicrosoft.com", displayName: "Alex Wilber" }, mailbox: true, oneDrive: false, personalSite: true },
      { id: "3", type: "Group", group: { id: "g", name: "sales@contoso.onmicrosoft.com", displayName: "Sales" }, members: true, memberSite: false, groupSite: true },
      { id: "4", type: "Site", site: { id: "s", url: "https://contoso.sharepoint.com/sites/Sales", title: "Sales" } },
      { id: "5", type: "Team", team: { id: "t", displayName: "Engineering", mail: "engineering@contoso.onmicrosoft.com" }, teams: true, teamsChats: true, chats: true },
      { id: "6", type: "PersonalSites" },
    ]);
    expect(items).to.deep.equal([
      { type: "PartialOrganization", mailbox: true, oneDrive: true },
      { type: "User", user: "alex@contoso.onmicrosoft.com", mailbox: true, personalSite: true },
      { type: "Group", group: "Sales", members: true, groupSite: true },
      { type: "Site", site: "https://contoso.sharepoint.com/sites/Sales" },
      { type: "Team", team: "Engineering", teams: true, teamsChats: true },
      { type: "PersonalSites" },
    ]);
    expect(leftOut).to.deep.equal([]);
  });

  it("leaves out what the tenants file cannot name, and names it", () => {
    const { items, leftOut } = itemsFromServer([
      { id: "1", type: "OneDriveFolders", user: { id: "u", name: "megan@contoso.onmicrosoft.com" }, folders: ["Projects"] },
      { id: "2", type: "Mailbox" },
      { id: "3", type: "Site", site: { id: "s", url: "not a url" } },
      { id: "4", type: "User", user: null },
    ]);
    expect(items).to.deep.equal([]);
    expect(leftOut).to.deep.equal(["the OneDrive folders of megan@contoso.onmicrosoft.com", "an item of type Mailbox", 'the Site item "not a url"', 'the User item "without a name"']);
  });
});

describe("vb365 tenants export: jobs", () => {
  it("writes an EntireOrganization job whole: name, description, type, exclusions, schedule, enabled", () => {
    const exported = exportedJob(
      serverJob({ name: "Contoso Nightly", description: "All of it", isEnabled: false }, [], [{ id: "x", type: "User", user: { id: "u", name: "ceo@contoso.onmicrosoft.com" }, mailbox: true }]),
      context(),
    );
    expect(exported.job).to.deep.equal({
      name: "nightly",
      jobName: "Contoso Nightly",
      description: "All of it",
      backupType: "EntireOrganization",
      excludedItems: [{ type: "User", user: "ceo@contoso.onmicrosoft.com", mailbox: true }],
      schedule: { type: "Daily", dailyType: "Everyday", dailyTime: "22:00" },
      enabled: false,
    });
    expect(exported.note).to.equal(undefined);
    expect(exported.warnings).to.deep.equal([]);
  });

  it("names a repository other than the file's default, and unique names within the tenant", () => {
    const taken = new Set<string>();
    const first = exportedJob(serverJob({ repositoryId: ARCHIVE_ID.toUpperCase() }), context(taken));
    const second = exportedJob(serverJob({ id: "j2", name: "Contoso Exchange" }), context(taken));
    expect([first.job?.name, first.job?.jobName, first.job?.repository]).to.deep.equal(["exchange", undefined, "Archive Repository"]);
    expect([second.job?.name, second.job?.jobName, second.job?.repository]).to.deep.equal(["exchange-2", "Contoso Exchange", undefined]);
  });

  it("does not write a SelectedItems job none of whose items the file can name, nor an unknown backupType", () => {
    const folders = [{ id: "1", type: "OneDriveFolders", user: { id: "u", name: "megan@contoso.onmicrosoft.com" } }];
    expect(exportedJob(serverJob({ backupType: "SelectedItems" }, folders), context())).to.deep.equal({
      warnings: ['job "contoso-exchange" of contoso.onmicrosoft.com was not exported: none of its selected items can be written in the tenants file (the OneDrive folders of megan@contoso.onmicrosoft.com).'],
    });
    expect(exportedJob(serverJob({ backupType: "Archive" }), context()).warnings).to.deep.equal([
      'job "contoso-exchange" of contoso.onmicrosoft.com was not exported: its backupType "Archive" is neither EntireOrganization nor SelectedItems.',
    ]);
  });

  it("warns when the job's repository or schedule cannot be written", () => {
    const exported = exportedJob(serverJob({ repositoryId: "11111111-1111-1111-1111-111111111111", schedulePolicy: null }), context());
    expect(exported.job).to.deep.equal({ name: "exchange", backupType: "EntireOrganization" });
    expect(exported.warnings).to.deep.equal([
      'job "contoso-exchange" of contoso.onmicrosoft.com: VB365 reports no schedule for it; it is written without one (defaults.schedule applies).',
      'job "contoso-exchange" of contoso.onmicrosoft.com: its repository 11111111-1111-1111-1111-111111111111 is not in the server\'s listing; it is written without one (defaults.repository applies).',
    ]);
  });
});
