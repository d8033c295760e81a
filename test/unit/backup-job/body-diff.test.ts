import { expect } from "chai";
import { describe, it } from "mocha";
import { jobBody } from "../../../provider/backup-job/body";
import { checkBackupJob } from "../../../provider/backup-job/check";
import { diffBackupJob } from "../../../provider/backup-job/diff";
import { outputsFromJob, outputsFromRemoteJob } from "../../../provider/backup-job/state";
import type { BackupJobInputs } from "../../../provider/backup-job/types";

const ORGANIZATION = "6b7c2d3e-0000-4000-8000-000000000001";
const REPOSITORY = "6b7c2d3e-0000-4000-8000-0000000000aa";
const ALEX = "6b7c2d3e-0000-4000-8000-0000000000b1";
const SALES = "6b7c2d3e-0000-4000-8000-0000000000b2";

function checked(inputs: Record<string, unknown>): BackupJobInputs {
  const result = checkBackupJob({ organizationId: ORGANIZATION, name: "contoso", repositoryName: "Default Backup Repository", ...inputs }, "v8");
  if (!result.inputs) throw new Error(JSON.stringify(result.failures));
  return result.inputs;
}

const selected = checked({
  backupType: "SelectedItems",
  selectedItems: [
    { type: "User", user: "Alex@contoso.onmicrosoft.com", mailbox: true, oneDrive: false },
    { type: "Site", site: "https://contoso.sharepoint.com/sites/Sales" },
    { type: "PartialOrganization", teams: true },
  ],
  schedule: { type: "Periodically", periodicallyEvery: "Hours4" },
});
const alex = { id: ALEX, name: "alex@contoso.onmicrosoft.com", displayName: "Alex Wilber" };
const sales = { id: SALES, url: "https://contoso.sharepoint.com/sites/Sales", title: "Sales", isCloud: true, isPersonal: false };
const resolution = { repositoryId: REPOSITORY, items: { "user:alex@contoso.onmicrosoft.com": alex, "site:https://contoso.sharepoint.com/sites/sales": sales } };

describe("Vb365BackupJob body", () => {
  it("carries the objects as the organization listed them, in VB365's item and schedule shapes", () => {
    expect(jobBody(selected, resolution, "create", "v8")).to.deep.equal({
      name: "contoso",
      backupType: "SelectedItems",
      repositoryId: REPOSITORY,
      isEnabled: true,
      schedulePolicy: { scheduleEnabled: true, type: "Periodically", backupWindowEnabled: false, periodicallyEvery: "Hours4", periodicallyWindowEnabled: false, retryEnabled: true, retryNumber: 3, retryWaitInterval: 10 },
      selectedItems: [
        { type: "User", mailbox: true, oneDrive: false, user: alex },
        { type: "Site", site: sales },
        { type: "PartialOrganization", teams: true },
      ],
    });
  });

  it("sends runNow on create only, and a manual job's schedule disabled", () => {
    const manual = checked({ runNow: true, schedule: { type: "ManualOnly" } });
    expect(jobBody(manual, resolution, "create", "v8")).to.include({ runNow: true });
    expect(jobBody(manual, resolution, "update", "v8")).to.not.have.property("runNow");
    expect(jobBody(manual, resolution, "update", "v8").schedulePolicy).to.include({ scheduleEnabled: false, type: "ManualOnly" });
  });
});

describe("Vb365BackupJob diff and refresh", () => {
  const olds = outputsFromJob(selected, { id: "job-1", ...resolution }, "v8");

  it("sees no change in the same declaration, whatever ids the objects resolved to", () => {
    expect(diffBackupJob(olds, selected)).to.deep.equal({ changes: false, replaces: [] });
  });

  it("updates in place for the schedule, items and name, and replaces for another organization", () => {
    expect(diffBackupJob(olds, { ...selected, schedule: { ...selected.schedule!, periodicallyEvery: "Hours8" } })).to.deep.equal({ changes: true, replaces: [] });
    expect(diffBackupJob(olds, { ...selected, selectedItems: selected.selectedItems!.slice(1) })).to.deep.equal({ changes: true, replaces: [] });
    expect(diffBackupJob(olds, { ...selected, organizationId: "6b7c2d3e-0000-4000-8000-000000000002" })).to.deep.equal({ changes: true, replaces: ["organizationId"] });
  });

  it("takes a schedule changed in the console from the job listing, so the next preview shows it", () => {
    const refreshed = outputsFromRemoteJob(olds, {
      id: "job-1",
      name: "contoso",
      backupType: "SelectedItems",
      isEnabled: false,
      repositoryId: REPOSITORY,
      schedulePolicy: { type: "Daily", dailyType: "Everyday", dailyTime: "08:00:00", retryEnabled: true, retryNumber: 3, retryWaitInterval: 10, scheduleEnabled: true },
    });
    expect(refreshed.schedule).to.deep.equal({ type: "Daily", dailyType: "Everyday", dailyTime: "08:00:00", retryEnabled: true, retryNumber: 3, retryWaitInterval: 10 });
    expect(refreshed.isEnabled).to.equal(false);
    expect(diffBackupJob(refreshed, selected).changes).to.equal(true);
    expect(refreshed.selectedItems).to.deep.equal(selected.selectedItems);
  });
});
