import { expect } from "chai";
import { describe, it } from "mocha";
import { jobBody } from "../../../provider/backup-job/body";
import { checkBackupJob } from "../../../provider/backup-job/check";
import { diffBackupJob } from "../../../provider/backup-job/diff";
import { outputsFromJob, outputsFromRemoteJob } from "../../../provider/backup-job/state";
import type { BackupJobInputs, JobSchedule } from "../../../provider/backup-job/types";
import { compileWindow } from "../../../provider/backup-job/window";

const REPOSITORY = "6b7c2d3e-0000-4000-8000-0000000000aa";
const resolution = { repositoryId: REPOSITORY, items: {} };

function checked(schedule: Record<string, unknown>): BackupJobInputs {
  const result = checkBackupJob({ organizationId: "6b7c2d3e-0000-4000-8000-000000000001", name: "contoso", repositoryName: "Default Backup Repository", schedule }, "v8");
  if (!result.inputs) throw new Error(JSON.stringify(result.failures));
  return result.inputs;
}

const nights = [{ days: "Workdays", from: "20:00", to: "06:00" }, { days: "Weekends", from: "00:00", to: "24:00" }] as const;
const nightHours = compileWindow([...nights]);
const weekendHours = compileWindow([{ days: "Weekends", from: "00:00", to: "24:00" }]);
const daily = checked({ type: "Daily", dailyTime: "21:00", backupWindow: { allowed: nights } });
const periodic = checked({ type: "Periodically", periodicallyEvery: "Hours4", periodicallyOffsetMinutes: 10, periodicallyWindow: { allowed: [{ days: "Weekends", from: "00:00", to: "24:00" }], minuteOffset: 60 } });

/** The job as a server lists it, with `policy` laid over what was sent. */
function listed(inputs: BackupJobInputs, policy: Record<string, unknown>) {
  const sent = jobBody(inputs, resolution, "create", "v8");
  return { id: "job-1", name: "contoso", backupType: "EntireOrganization", repositoryId: REPOSITORY, isEnabled: true, schedulePolicy: { ...(sent.schedulePolicy as object), ...policy } };
}

function withSchedule(inputs: BackupJobInputs, schedule: Partial<JobSchedule>): BackupJobInputs {
  return { ...inputs, schedule: { ...inputs.schedule!, ...schedule } };
}

describe("Vb365BackupJob window body", () => {
  it("sends a declared backup window switched on, as its 168 hours", () => {
    expect(jobBody(daily, resolution, "create", "v8").schedulePolicy).to.deep.equal({
      scheduleEnabled: true,
      type: "Daily",
      backupWindowEnabled: true,
      backupWindowSettings: { backupWindow: nightHours },
      dailyType: "Everyday",
      dailyTime: "21:00:00",
      retryEnabled: true,
      retryNumber: 3,
      retryWaitInterval: 10,
    });
  });

  it("sends no window switched off, and a periodic window with its flag from v7 on, alone on v6", () => {
    const plain = checked({ type: "Periodically", periodicallyEvery: "Hours4" });
    expect(jobBody(plain, resolution, "update", "v7").schedulePolicy).to.deep.include({ backupWindowEnabled: false, periodicallyWindowEnabled: false }).and.not.have.any.keys("backupWindowSettings", "periodicallyWindowSettings");
    expect(jobBody(plain, resolution, "update", "v6").schedulePolicy).to.not.have.any.keys("periodicallyWindowEnabled", "periodicallyWindowSettings");
    const settings = { backupWindow: weekendHours, minuteOffset: 60 };
    expect(jobBody(periodic, resolution, "create", "v8").schedulePolicy).to.deep.include({ periodicallyWindowEnabled: true, periodicallyWindowSettings: settings, periodicallyOffsetMinutes: 10 });
    const v6 = jobBody(periodic, resolution, "create", "v6").schedulePolicy;
    expect(v6).to.deep.include({ periodicallyWindowSettings: settings, periodicallyOffsetMinutes: 10 }).and.not.have.property("periodicallyWindowEnabled");
  });
});

describe("Vb365BackupJob window diff and refresh", () => {
  const created = outputsFromJob(daily, { id: "job-1", ...resolution }, "v8");

  it("sees no change after create, nor in spans written another way that allow the same hours", () => {
    expect(diffBackupJob(created, daily)).to.deep.equal({ changes: false, replaces: [] });
    const rewritten = withSchedule(daily, { backupWindow: { allowed: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], from: "20:00", to: "24:00" }, { days: ["Tuesday", "Wednesday", "Thursday", "Friday"], from: "00:00", to: "06:00" }, { days: "Weekends", from: "00:00", to: "24:00" }] } });
    expect(diffBackupJob(created, rewritten)).to.deep.equal({ changes: false, replaces: [] });
    expect(diffBackupJob(outputsFromJob(periodic, { id: "job-1", ...resolution }, "v8"), withSchedule(periodic, { periodicallyOffsetMinutes: 10 }))).to.deep.equal({ changes: false, replaces: [] });
  });

  it("updates in place for other hours, another offset, or a window added or removed", () => {
    expect(diffBackupJob(created, withSchedule(daily, { backupWindow: { allowed: [{ days: "Workdays", from: "21:00", to: "06:00" }] } }))).to.deep.equal({ changes: true, replaces: [] });
    expect(diffBackupJob(created, withSchedule(daily, { backupWindow: { allowed: [...nights], minuteOffset: 0 } }))).to.deep.equal({ changes: true, replaces: [] });
    expect(diffBackupJob(created, withSchedule(daily, { backupWindow: undefined }))).to.deep.equal({ changes: true, replaces: [] });
  });

  it("keeps the spans as declared while the server's hours are theirs, so a refresh changes nothing", () => {
    const refreshed = outputsFromRemoteJob(created, listed(daily, { backupWindowSettings: { backupWindow: nightHours, minuteOffset: 120 } }));
    expect(refreshed.schedule).to.deep.equal(daily.schedule);
    expect(diffBackupJob(refreshed, daily).changes).to.equal(false);
  });

  it("sees hours changed in the console, as spans, so the preview shows them and up puts the declared ones back", () => {
    const changed = compileWindow([{ days: "Everyday", from: "18:00", to: "24:00" }]);
    const refreshed = outputsFromRemoteJob(created, listed(daily, { backupWindowSettings: { backupWindow: changed } }));
    expect(refreshed.schedule!.backupWindow).to.deep.equal({ allowed: [{ days: "Everyday", from: "18:00", to: "24:00" }] });
    expect(diffBackupJob(refreshed, daily).changes).to.equal(true);
  });

  it("sees a window switched off or added in the console; one allowing every hour is none", () => {
    expect(outputsFromRemoteJob(created, listed(daily, { backupWindowEnabled: false })).schedule).to.not.have.property("backupWindow");
    expect(outputsFromRemoteJob(created, listed(daily, { backupWindowSettings: { backupWindow: new Array<boolean>(168).fill(true) } })).schedule).to.not.have.property("backupWindow");
    const plain = checked({ type: "Daily" });
    const added = outputsFromRemoteJob(outputsFromJob(plain, { id: "job-1", ...resolution }, "v8"), listed(plain, { backupWindowEnabled: true, backupWindowSettings: { backupWindow: weekendHours, minuteOffset: 60 } }));
    // The server's minuteOffset is only taken where the program declared one.
    expect(added.schedule!.backupWindow).to.deep.equal({ allowed: [{ days: "Weekends", from: "00:00", to: "24:00" }] });
    expect(diffBackupJob(added, plain).changes).to.equal(true);
  });

  it("takes the periodic window, its offset and a changed offset from the server, v6's without its flag", () => {
    const olds = outputsFromJob(periodic, { id: "job-1", ...resolution }, "v6");
    const { periodicallyWindowEnabled: _flag, ...v6Policy } = listed(periodic, {}).schedulePolicy as Record<string, unknown>;
    const v6 = { ...listed(periodic, {}), schedulePolicy: v6Policy };
    expect(outputsFromRemoteJob(olds, v6).schedule).to.deep.equal(periodic.schedule);
    const moved = outputsFromRemoteJob(olds, listed(periodic, { periodicallyOffsetMinutes: 30, periodicallyWindowSettings: { backupWindow: weekendHours, minuteOffset: 0 } }));
    expect(moved.schedule).to.deep.include({ periodicallyOffsetMinutes: 30, periodicallyWindow: { allowed: [{ days: "Weekends", from: "00:00", to: "24:00" }], minuteOffset: 0 } });
    expect(diffBackupJob(moved, periodic).changes).to.equal(true);
    // A job without an offset reads 0 from a server: no change.
    const plain = checked({ type: "Periodically", periodicallyEvery: "Hours4" });
    expect(outputsFromRemoteJob(outputsFromJob(plain, { id: "job-1", ...resolution }, "v8"), listed(plain, { periodicallyOffsetMinutes: 0 })).schedule).to.deep.equal(plain.schedule);
  });
});
