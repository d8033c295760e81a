import { expect } from "chai";
import { describe, it } from "mocha";
import { parseTenants } from "../../../program/tenants-file";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "tenants.yaml";

describe("tenants file: a schedule's windows", () => {
  it("takes a backup window in defaults.schedule and a periodic window in a job's own schedule, unquoted hours included", () => {
    const [tenant] = parseTenants(
      `defaults:
  schedule:
    type: Daily
    dailyTime: "21:00"
    backupWindow:
      allowed:
        - { days: Workdays, from: 20:00, to: 06:00 }
        - { days: [Saturday, Sunday], from: 00:00, to: 24:00 }
      minuteOffset: 60
tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }
    backup:
      - name: everything
      - name: often
        schedule:
          type: Periodically
          periodicallyEvery: Hours2
          periodicallyOffsetMinutes: 15
          periodicallyWindow: { allowed: [{ days: Weekends, from: 08:00, to: 20:00 }] }
`,
      FILE,
    );
    expect(tenant.backup.map((job) => job.schedule)).to.deep.equal([
      {
        type: "Daily",
        dailyTime: "21:00:00",
        backupWindow: { allowed: [{ days: "Workdays", from: "20:00", to: "06:00" }, { days: ["Saturday", "Sunday"], from: "00:00", to: "24:00" }], minuteOffset: 60 },
      },
      { type: "Periodically", periodicallyEvery: "Hours2", periodicallyOffsetMinutes: 15, periodicallyWindow: { allowed: [{ days: "Weekends", from: "08:00", to: "20:00" }] } },
    ]);
  });

  it("names the line and the field of a window's bad hour", () => {
    const message = tenantsFileProblems(
      `tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }
    backup:
      - name: nights
        schedule:
          type: Daily
          backupWindow: { allowed: [{ days: Workdays, from: 20:30, to: 06:00 }] }
`,
      FILE,
    );
    expect(message).to.equal(`tenants.yaml has 1 problem (reference: docs/tenants-file.md):
  - tenant "contoso", backup[0].schedule.backupWindow.allowed[0].from (line 9): must be a whole hour "HH:00" between 00:00 and 23:00`);
  });
});
