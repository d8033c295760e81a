import { expect } from "chai";
import { describe, it } from "mocha";
import { checkBackupJob } from "../../../provider/backup-job/check";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";

const base = { organizationId: "6b7c2d3e-0000-4000-8000-000000000001", name: "contoso-nights", repositoryName: "Default Backup Repository" };
const nights = { allowed: [{ days: "Everyday", from: "22:00", to: "06:00" }] };

function failures(schedule: Record<string, unknown>): string[] {
  return (checkBackupJob({ ...base, schedule }, "v8").failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`);
}

function window(...allowed: Array<Record<string, unknown>>) {
  return { type: "Daily", backupWindow: { allowed } };
}

describe("Vb365BackupJob check of a schedule's windows", () => {
  it("takes a backup window and, with Periodically and an Hours period, a periodic window and an offset", () => {
    expect(checkBackupJob({ ...base, schedule: { type: "Daily", backupWindow: { ...nights, minuteOffset: 60 } } }, "v8").inputs?.schedule).to.deep.include({ backupWindow: { ...nights, minuteOffset: 60 } });
    const periodic = { type: "Periodically", periodicallyEvery: "Hours2", backupWindow: nights, periodicallyWindow: { allowed: [{ days: ["Saturday", "Sunday"], from: "00:00", to: "24:00" }] }, periodicallyOffsetMinutes: 15 };
    expect(failures(periodic)).to.deep.equal([]);
  });

  it("names the field and what is valid for an hour, a day or an offset it cannot take", () => {
    expect(failures(window({ days: "Workdays", from: "8:30", to: "18:00" }))).to.deep.equal([
      'schedule.backupWindow.allowed[0].from: schedule.backupWindow.allowed[0].from must be a whole hour "HH:00" between 00:00 and 23:00.',
    ]);
    expect(failures(window({ days: "Workdays", from: "08:00", to: "25:00" }))).to.deep.equal([
      'schedule.backupWindow.allowed[0].to: schedule.backupWindow.allowed[0].to must be a whole hour "HH:00" between 00:00 and 24:00.',
    ]);
    expect(failures(window({ days: "Weekdays", from: "08:00", to: "18:00" }))).to.deep.equal([
      "schedule.backupWindow.allowed[0].days: schedule.backupWindow.allowed[0].days must be Everyday, Workdays, Weekends, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, or a list of them.",
    ]);
    expect(failures({ type: "Daily", backupWindow: { ...nights, minuteOffset: 900 } })).to.deep.equal([
      "schedule.backupWindow.minuteOffset: schedule.backupWindow.minuteOffset must be the window's offset from UTC in whole minutes, -720 to 840.",
    ]);
    expect(failures({ type: "Periodically", periodicallyEvery: "Hours1", periodicallyOffsetMinutes: 60 })).to.deep.equal([
      "schedule.periodicallyOffsetMinutes: schedule.periodicallyOffsetMinutes must be minutes past the hour, 0 to 59.",
    ]);
  });

  it("lists a window's settings and a span's where an unknown one is given", () => {
    expect(failures({ type: "Daily", backupWindow: { ...nights, offset: 60 } })).to.deep.equal([
      "schedule.backupWindow.offset: schedule.backupWindow.offset is not a setting of schedule.backupWindow; valid ones are allowed, minuteOffset.",
    ]);
    expect(failures(window({ days: "Monday", from: "08:00", until: "09:00", to: "10:00" }))).to.deep.equal([
      "schedule.backupWindow.allowed[0].until: schedule.backupWindow.allowed[0].until is not a setting of schedule.backupWindow.allowed[0]; valid ones are days, from, to.",
    ]);
  });

  it("refuses a window that allows nothing, a span that ends where it starts, and one that allows every hour", () => {
    expect(failures(window())).to.deep.equal([
      'schedule.backupWindow.allowed: schedule.backupWindow.allowed must list at least one span such as { days: "Workdays", from: "08:00", to: "18:00" }: a window that allows nothing never lets the job run.',
    ]);
    expect(failures(window({ days: "Monday", from: "08:00", to: "08:00" }))).to.deep.equal([
      'schedule.backupWindow.allowed[0].to: schedule.backupWindow.allowed[0].to must not equal from: give the hour the span stops ("24:00" for midnight; earlier than from runs into the next day).',
    ]);
    expect(failures(window({ days: "Everyday", from: "06:00", to: "24:00" }, { days: "Everyday", from: "00:00", to: "06:00" }))).to.deep.equal([
      "schedule.backupWindow.allowed: schedule.backupWindow.allowed allows every hour of the week, which is no window at all: leave schedule.backupWindow out.",
    ]);
  });

  it("keeps each window and the offset to the schedule types they are for", () => {
    expect(failures({ type: "ManualOnly", backupWindow: nights })).to.deep.equal(["schedule.backupWindow: backupWindow is for a job that runs on a schedule (type Daily or Periodically), not ManualOnly."]);
    expect(failures({ type: "Daily", periodicallyWindow: nights })).to.deep.equal([
      "schedule.periodicallyWindow: periodicallyWindow is for type Periodically, not Daily; backupWindow limits the hours of any scheduled job.",
    ]);
    expect(failures({ type: "Periodically", periodicallyEvery: "Minutes30", periodicallyOffsetMinutes: 5 })).to.deep.equal([
      "schedule.periodicallyOffsetMinutes: periodicallyOffsetMinutes is for type Periodically with an Hours period (Hours1 … Hours12), not Minutes30.",
    ]);
    expect(failures({ type: "Daily", periodicallyOffsetMinutes: 5 })).to.deep.equal([
      "schedule.periodicallyOffsetMinutes: periodicallyOffsetMinutes is for type Periodically with an Hours period (Hours1 … Hours12), not Daily.",
    ]);
  });

  it("lets a window through while its hours are still unknown at preview", () => {
    const checked = checkBackupJob({ ...base, schedule: { type: "Daily", backupWindow: UNKNOWN_SENTINEL } }, "v8");
    expect(checked.failures).to.equal(undefined);
    expect(checked.inputs?.schedule?.backupWindow).to.equal(UNKNOWN_SENTINEL);
  });
});
