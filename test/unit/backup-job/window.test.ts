import { expect } from "chai";
import { describe, it } from "mocha";
import type { WindowSpan } from "../../../provider/backup-job/types";
import { compileWindow, decompileWindow } from "../../../provider/backup-job/window";

/** The indices of the allowed hours: day × 24 + hour, Sunday being day 0. */
function allowedIndices(allowed: WindowSpan[]): number[] {
  return compileWindow(allowed).flatMap((hour, index) => (hour ? [index] : []));
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe("Vb365BackupJob window compilation", () => {
  it("gives 168 hours, Sunday 00:00 first, a span's hours from `from` up to `to`", () => {
    expect(compileWindow([{ days: "Sunday", from: "00:00", to: "01:00" }])).to.have.length(168);
    expect(allowedIndices([{ days: "Sunday", from: "00:00", to: "01:00" }])).to.deep.equal([0]);
    expect(allowedIndices([{ days: "Monday", from: "08:00", to: "10:00" }])).to.deep.equal([32, 33]);
    expect(allowedIndices([{ days: "Saturday", from: "23:00", to: "24:00" }])).to.deep.equal([167]);
  });

  it("names several days at once: Workdays are Monday to Friday, Weekends Saturday and Sunday, or a list", () => {
    expect(allowedIndices([{ days: "Workdays", from: "12:00", to: "13:00" }])).to.deep.equal([36, 60, 84, 108, 132]);
    expect(allowedIndices([{ days: "Weekends", from: "12:00", to: "13:00" }])).to.deep.equal([12, 156]);
    expect(allowedIndices([{ days: "Everyday", from: "12:00", to: "13:00" }])).to.deep.equal([12, 36, 60, 84, 108, 132, 156]);
    expect(allowedIndices([{ days: ["Wednesday", "Tuesday", "Wednesday"], from: "00:00", to: "01:00" }])).to.deep.equal([48, 72]);
  });

  it("runs a span whose `to` is before `from` past midnight into the next day, Saturday's into Sunday's", () => {
    expect(allowedIndices([{ days: "Friday", from: "22:00", to: "02:00" }])).to.deep.equal([142, 143, 144, 145]);
    expect(allowedIndices([{ days: "Saturday", from: "22:00", to: "02:00" }])).to.deep.equal([0, 1, 166, 167]);
    // 00:00 as `to` is midnight at the end of the day, as 24:00 is.
    expect(allowedIndices([{ days: "Monday", from: "20:00", to: "00:00" }])).to.deep.equal(allowedIndices([{ days: "Monday", from: "20:00", to: "24:00" }]));
  });

  it("unites overlapping spans", () => {
    expect(allowedIndices([{ days: "Sunday", from: "01:00", to: "03:00" }, { days: "Sunday", from: "02:00", to: "04:00" }])).to.deep.equal([1, 2, 3]);
  });

  it("writes hours back as spans per day, days with the same hours named together", () => {
    const hours = compileWindow([
      { days: "Workdays", from: "20:00", to: "24:00" },
      { days: "Workdays", from: "00:00", to: "06:00" },
      { days: "Weekends", from: "00:00", to: "24:00" },
    ]);
    expect(decompileWindow(hours)).to.deep.equal([
      { days: "Weekends", from: "00:00", to: "24:00" },
      { days: "Workdays", from: "00:00", to: "06:00" },
      { days: "Workdays", from: "20:00", to: "24:00" },
    ]);
    expect(decompileWindow(compileWindow([{ days: ["Monday", "Thursday"], from: "09:00", to: "17:00" }, { days: "Tuesday", from: "10:00", to: "11:00" }]))).to.deep.equal([
      { days: ["Monday", "Thursday"], from: "09:00", to: "17:00" },
      { days: "Tuesday", from: "10:00", to: "11:00" },
    ]);
  });

  it("writes back spans that compile to the very hours they came from", () => {
    const nights = compileWindow([{ days: "Everyday", from: "22:00", to: "05:00" }, { days: "Wednesday", from: "12:00", to: "13:00" }]);
    expect(compileWindow(decompileWindow(nights))).to.deep.equal(nights);
    expect(decompileWindow(new Array<boolean>(168).fill(false))).to.deep.equal([]);
    expect(allowedIndices(decompileWindow(compileWindow([{ days: "Sunday", from: "05:00", to: "07:00" }])))).to.deep.equal(range(5, 7));
  });
});
