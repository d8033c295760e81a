import { expect } from "chai";
import { describe, it } from "mocha";
import { checkBackupJob } from "../../../provider/backup-job/check";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";

const ORGANIZATION = "6b7c2d3e-0000-4000-8000-000000000001";
const base = { organizationId: ORGANIZATION, name: "contoso-exchange", repositoryName: "Default Backup Repository" };

function failures(inputs: Record<string, unknown>, version: "v6" | "v7" | "v8" = "v8") {
  return (checkBackupJob(inputs, version).failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`);
}

describe("Vb365BackupJob check", () => {
  it("fills in the defaults: the whole organization, daily at 22:00 with VB365's retries, enabled", () => {
    const checked = checkBackupJob(base, "v8");
    expect(checked.failures).to.equal(undefined);
    expect(checked.inputs).to.deep.include({
      backupType: "EntireOrganization",
      isEnabled: true,
      schedule: { type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00", retryEnabled: true, retryNumber: 3, retryWaitInterval: 10 },
    });
  });

  it("completes a declared schedule with the defaults of its type, and a time without seconds", () => {
    expect(checkBackupJob({ ...base, schedule: { type: "Daily", dailyTime: "23:30", dailyType: "Workdays" } }, "v8").inputs?.schedule).to.deep.equal({
      type: "Daily",
      dailyType: "Workdays",
      dailyTime: "23:30:00",
      retryEnabled: true,
      retryNumber: 3,
      retryWaitInterval: 10,
    });
    expect(checkBackupJob({ ...base, schedule: { type: "Periodically", periodicallyEvery: "Hours4", retryEnabled: false } }, "v8").inputs?.schedule).to.deep.equal({
      type: "Periodically",
      periodicallyEvery: "Hours4",
      retryEnabled: false,
      retryNumber: 3,
      retryWaitInterval: 10,
    });
  });

  it("names the field and what is valid for a bad value", () => {
    expect(failures({ ...base, backupType: "Everything" })).to.deep.equal(["backupType: backupType must be EntireOrganization or SelectedItems."]);
    expect(failures({ ...base, schedule: { type: "Daily", dailyTime: "10pm" } })).to.deep.equal(["schedule.dailyTime: schedule.dailyTime must be a time of day such as 22:00 (24-hour HH:MM)."]);
    expect(failures({ ...base, organizationId: "contoso" })).to.deep.equal(["organizationId: organizationId must be the id of the organization (Vb365Organization.organizationId), a GUID such as 6b7c2d3e-0000-4000-8000-000000000001."]);
    expect(failures({ ...base, selectedItems: [{ type: "Mailbox" }] })).to.deep.equal([
      "selectedItems[0].type: selectedItems[0].type must be an item whose type is PartialOrganization, User, Group, Site, Team or PersonalSites.",
    ]);
    expect(failures({ ...base, selectedItems: [{ type: "User", user: "alex@contoso.onmicrosoft.com", mailbx: true }] })).to.deep.equal([
      'selectedItems[0].mailbx: selectedItems[0].mailbx is not a setting of selectedItems[0]; valid ones are type, user, mailbox, archiveMailbox, oneDrive, personalSite. Did you mean "mailbox"?',
    ]);
    expect(failures({ ...base, schedule: { type: "Daily", time: "22:00" } })[0]).to.match(/^schedule\.time: schedule\.time is not a setting of schedule; valid ones are type, dailyType, dailyTime, periodicallyEvery, retryEnabled, retryNumber, retryWaitInterval, backupWindow, periodicallyWindow, periodicallyOffsetMinutes\./);
    expect(failures({ ...base, selectedItems: [{ type: "Site", site: "Sales" }] })).to.deep.equal(["selectedItems[0].site: selectedItems[0].site must be the site's URL such as https://contoso.sharepoint.com/sites/Sales."]);
    expect(failures({ ...base, scheduel: {} })[0]).to.match(/^scheduel: scheduel is not an input of Vb365BackupJob; valid ones are .*schedule.*Did you mean "schedule"\?/);
  });

  it("holds the rules that span fields, in the user's terms", () => {
    expect(failures({ organizationId: ORGANIZATION })).to.deep.equal(['repositoryName: Name the backup repository: repositoryName (e.g. "Default Backup Repository") or repositoryId.']);
    expect(failures({ ...base, repositoryId: ORGANIZATION })).to.deep.equal(["repositoryName: Give repositoryName or repositoryId, not both."]);
    expect(failures({ ...base, backupType: "SelectedItems" })).to.deep.equal([
      'selectedItems: backupType SelectedItems needs at least one item in selectedItems (e.g. { type: "User", user: "alex@contoso.onmicrosoft.com" }).',
    ]);
    expect(failures({ ...base, selectedItems: [{ type: "PersonalSites" }] })[0]).to.match(/^selectedItems: selectedItems is for backupType SelectedItems/);
    expect(failures({ ...base, schedule: { type: "Periodically" } })[0]).to.match(/^schedule\.periodicallyEvery: schedule\.periodicallyEvery is required with type Periodically/);
    expect(failures({ ...base, schedule: { type: "ManualOnly", dailyTime: "22:00" } })).to.deep.equal(["schedule.dailyTime: dailyTime and dailyType are for type Daily, not ManualOnly."]);
  });

  it("refuses Hours12 on servers before v8, and takes it on v8", () => {
    const every12 = { ...base, schedule: { type: "Periodically", periodicallyEvery: "Hours12" } };
    expect(failures(every12, "v7")).to.deep.equal(["schedule.periodicallyEvery: Hours12 is available from VB365 REST API v8 on; this connection uses v7: use Hours8 or less."]);
    expect(failures(every12, "v8")).to.deep.equal([]);
  });

  it("lets the organization's id through while it is still unknown at preview", () => {
    const checked = checkBackupJob({ ...base, organizationId: UNKNOWN_SENTINEL }, "v8");
    expect(checked.failures).to.equal(undefined);
    expect(checked.inputs?.organizationId).to.equal(UNKNOWN_SENTINEL);
  });
});
