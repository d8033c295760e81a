import { z } from "zod";
import { once } from "../common/once";

/**
 * RESTBackupWindowSettings as a server reports it. The hours are not held to 168 booleans here:
 * a refresh that meets anything else keeps what was declared rather than failing (backup-job/state.ts).
 */
const windowSettingsSchema = once(() => z.object({ backupWindow: z.array(z.unknown()).nullish(), minuteOffset: z.number().nullish() }).passthrough());

/** RESTJobSchedulePolicy as a server reports it; unknown members are kept for the PUT. */
export const schedulePolicySchema = once(() =>
  z
    .object({
      scheduleEnabled: z.boolean().nullish(),
      backupWindowEnabled: z.boolean().nullish(),
      backupWindowSettings: windowSettingsSchema().nullish(),
      // v7 on; a v6 server reports the settings alone.
      periodicallyWindowEnabled: z.boolean().nullish(),
      periodicallyWindowSettings: windowSettingsSchema().nullish(),
      periodicallyOffsetMinutes: z.number().nullish(),
      type: z.string().nullish(),
      periodicallyEvery: z.string().nullish(),
      dailyType: z.string().nullish(),
      dailyTime: z.string().nullish(),
      retryEnabled: z.boolean().nullish(),
      retryNumber: z.number().nullish(),
      retryWaitInterval: z.number().nullish(),
    })
    .passthrough(),
);

/** RESTJob (v6–v8): what the provider reads of a job; organizationId only from v8 on. */
export const jobSchema = once(() =>
  z
    .object({
      id: z.string().min(1),
      organizationId: z.string().nullish(),
      repositoryId: z.string().nullish(),
      name: z.string().nullish(),
      description: z.string().nullish(),
      backupType: z.string().nullish(),
      schedulePolicy: schedulePolicySchema().nullish(),
      isEnabled: z.boolean().nullish(),
      _links: z.object({ organization: z.object({ href: z.string() }).nullish() }).passthrough().nullish(),
    })
    .passthrough(),
);

export type RemoteJob = z.infer<ReturnType<typeof jobSchema>>;

/**
 * The job's organization id, lower case: organizationId (v8), else the last segment of its
 * organization link, the only place v6/v7 name it.
 */
export function organizationOfJob(job: RemoteJob): string | undefined {
  const href = job._links?.organization?.href;
  const fromLink = href ? /\/Organizations\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(href)?.[1] : undefined;
  const id = job.organizationId ?? (fromLink ? decodeURIComponent(fromLink) : undefined);
  return id?.toLowerCase();
}

export const jobListSchema = once(() => jobSchema().array());

/** RESTBackupRepository: what a job needs of it. */
export const repositorySchema = once(() => z.object({ id: z.string().min(1), name: z.string().nullish() }).passthrough());
export const repositoryListSchema = once(() => repositorySchema().array());
export type RemoteRepository = z.infer<ReturnType<typeof repositorySchema>>;

/** RESTUser, RESTGroup, RESTSite, RESTTeam: what names an object and its id. */
export const organizationObjectSchema = once(() =>
  z
    .object({
      id: z.string().min(1),
      name: z.string().nullish(),
      displayName: z.string().nullish(),
      url: z.string().nullish(),
      title: z.string().nullish(),
      mail: z.string().nullish(),
    })
    .passthrough(),
);

export type RemoteOrganizationObject = z.infer<ReturnType<typeof organizationObjectSchema>>;
