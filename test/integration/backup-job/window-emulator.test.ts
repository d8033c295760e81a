import { expect } from "chai";
import { before, beforeEach, describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID } from "../../../emulator";
import { useEmulator } from "../../helpers/emulator";
import { existingApplicationBody, pfxFixture, registerCertificate, type PfxFixture } from "../../helpers/emulator-fixtures";

const week = (allowed: (hour: number) => boolean) => Array.from({ length: 168 }, (_, hour) => allowed(hour));
const nights = week((hour) => hour % 24 >= 20 || hour % 24 < 6);

describe("emulator: a job's backup and periodic windows", () => {
  // Every answer is checked against the version's trimmed spec (useEmulator).
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));

  /** A logged-in client of `version` and a function that creates jobs of one organization. */
  async function jobsOn(version: "v6" | "v7" | "v8") {
    const client = await fixture.client(version);
    const organizationId = (await client.post("/Organizations", existingApplicationBody(pfx))).body.id as string;
    const createJob = (schedulePolicy: Record<string, unknown>) => {
      const body = { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, schedulePolicy };
      return version === "v8" ? client.post("/Jobs", { organizationId, ...body }) : client.post(`/Organizations/${organizationId}/Jobs`, body);
    };
    return { client, createJob };
  }

  for (const version of ["v6", "v7", "v8"] as const) {
    it(`keeps the windows as part of the schedule policy and returns them (${version})`, async () => {
      const { client, createJob } = await jobsOn(version);
      const policy = {
        type: "Periodically",
        periodicallyEvery: "Hours4",
        periodicallyOffsetMinutes: 20,
        backupWindowEnabled: true,
        backupWindowSettings: { backupWindow: nights, minuteOffset: 60 },
        periodicallyWindowSettings: { backupWindow: week((hour) => hour < 24) },
        ...(version === "v6" ? {} : { periodicallyWindowEnabled: true }),
      };
      const created = await createJob(policy);
      expect(created.status, created.text).to.equal(version === "v8" ? 201 : 200);
      expect((await client.get(`/Jobs/${created.body.id}`)).body.schedulePolicy).to.deep.equal(policy);
    });

    it(`refuses a window that is not 168 booleans, saying how many it has (${version})`, async () => {
      const { client, createJob } = await jobsOn(version);
      const short = await createJob({ type: "Daily", backupWindowEnabled: true, backupWindowSettings: { backupWindow: nights.slice(0, 24) } });
      expect(short.status).to.equal(400);
      expect(short.body.message).to.equal(
        "The value is not valid for 'schedulePolicy.backupWindowSettings.backupWindow': expected 168 booleans, one per hour of the week starting on Sunday 00:00, not 24.",
      );
      const job = (await createJob({ type: "Daily" })).body;
      const put = await client.put(`/Jobs/${job.id}`, { schedulePolicy: { type: "Periodically", periodicallyEvery: "Hours1", periodicallyWindowSettings: { backupWindow: [...nights, true] } } });
      expect(put.status).to.equal(400);
      expect(put.body.message).to.equal(
        "The value is not valid for 'schedulePolicy.periodicallyWindowSettings.backupWindow': expected 168 booleans, one per hour of the week starting on Sunday 00:00, not 169.",
      );
      const notBoolean = await createJob({ type: "Daily", backupWindowSettings: { backupWindow: [...nights.slice(1), 1] } });
      expect(notBoolean.body.message).to.equal("The value 1 is not valid for 'schedulePolicy.backupWindowSettings.backupWindow[167]': expected a boolean.");
    });
  }

  it("refuses a window switched on without its hours", async () => {
    const { createJob } = await jobsOn("v8");
    const response = await createJob({ type: "Daily", backupWindowEnabled: true });
    expect(response.status).to.equal(400);
    expect(response.body.message).to.equal("'schedulePolicy.backupWindowSettings.backupWindow' is required when 'backupWindowEnabled' is true.");
    const periodic = await createJob({ type: "Periodically", periodicallyEvery: "Hours1", periodicallyWindowEnabled: true, periodicallyWindowSettings: { minuteOffset: 0 } });
    expect(periodic.body.message).to.equal("'schedulePolicy.periodicallyWindowSettings.backupWindow' is required when 'periodicallyWindowEnabled' is true.");
  });

  it("shows a job set up through v8 without periodicallyWindowEnabled through v6, whose schema lacks it", async () => {
    const { client: v8, createJob } = await jobsOn("v8");
    const policy = { type: "Periodically", periodicallyEvery: "Hours2", periodicallyWindowEnabled: true, periodicallyWindowSettings: { backupWindow: nights } };
    const job = (await createJob(policy)).body;
    const v6 = await fixture.client("v6");
    const { periodicallyWindowEnabled: _flag, ...v6Policy } = policy;
    expect((await v6.get(`/Jobs/${job.id}`)).body.schedulePolicy).to.deep.equal(v6Policy);
    expect((await v8.get(`/Jobs/${job.id}`)).body.schedulePolicy).to.deep.equal(policy);
  });
});
