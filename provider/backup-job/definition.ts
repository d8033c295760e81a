import { z } from "zod";
import { field } from "../common/definition";
import { connectionField, description, flag, guid, organizationIdField, text } from "../common/fields";
import { once } from "../common/once";

/**
 * Vb365BackupJob, defined once: each input with its schema and what a change of it does; the
 * types, the schema check parses with, the diff's lists and the docs are read from here.
 * Schedule and items use VB365's own names (RESTJobSchedulePolicy, RESTJobItemComposed), so a
 * job from Veeam's documentation maps one to one; the objects an item names are given by what a
 * person knows them by (a UPN, a group's or team's name, a site's URL) and resolved in the
 * organization when the job is created or changed.
 */

export const PERIODS = ["Minutes5", "Minutes10", "Minutes15", "Minutes30", "Hours1", "Hours2", "Hours4", "Hours8", "Hours12"] as const;
export const DAILY_TYPES = ["Everyday", "Workdays", "Weekends", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** The days a window's span names: dailyType's own names, so a schedule uses one vocabulary. */
const DAYS_ERROR = `must be ${DAILY_TYPES.join(", ")}, or a list of them`;
const FROM_ERROR = 'must be a whole hour "HH:00" between 00:00 and 23:00';
const TO_ERROR = 'must be a whole hour "HH:00" between 00:00 and 24:00';
const OFFSET_ERROR = "must be the window's offset from UTC in whole minutes, -720 to 840";
const PAST_THE_HOUR_ERROR = "must be minutes past the hour, 0 to 59";

/**
 * One span of a window: from a whole hour to a whole hour on the days named. `to` is where the
 * span stops (24:00 is midnight); a `to` before `from` runs past midnight into the next day
 * (Saturday's into Sunday's, the week being a cycle), which is how a night is written. A `to`
 * equal to `from` is refused rather than guessed: it could mean no hour or all 24.
 */
function windowSpan() {
  const day = z.enum(DAILY_TYPES, { error: DAYS_ERROR });
  return z
    .strictObject({
      days: z.union([day, z.array(day).min(1, { error: DAYS_ERROR })], { error: DAYS_ERROR }),
      from: z.string({ error: FROM_ERROR }).regex(/^([01]\d|2[0-3]):00$/, { error: FROM_ERROR }),
      to: z.string({ error: TO_ERROR }).regex(/^(([01]\d|2[0-3]):00|24:00)$/, { error: TO_ERROR }),
    })
    .refine((span) => span.from !== span.to, { path: ["to"], error: 'must not equal from: give the hour the span stops ("24:00" for midnight; earlier than from runs into the next day)' });
}

/** A week's allowed hours as spans, compiled to RESTBackupWindowSettings (window.ts). */
function windowSchema() {
  return z.strictObject({
    allowed: z
      .array(windowSpan(), { error: 'must be a list of spans such as { days: "Workdays", from: "08:00", to: "18:00" }' })
      .min(1, { error: 'must list at least one span such as { days: "Workdays", from: "08:00", to: "18:00" }: a window that allows nothing never lets the job run' }),
    minuteOffset: z.number({ error: OFFSET_ERROR }).int({ error: OFFSET_ERROR }).min(-720, { error: OFFSET_ERROR }).max(840, { error: OFFSET_ERROR }).optional(),
  });
}

/** The settings a window and one of its spans take, for messages that list them. */
export function windowKeys(): string[] {
  return Object.keys(windowSchema().shape);
}
export function windowSpanKeys(): string[] {
  return Object.keys(windowSpan().shape);
}

function schedule() {
  return z.strictObject(
    {
      type: z.enum(["Daily", "Periodically", "ManualOnly"], { error: "must be Daily, Periodically or ManualOnly" }),
      dailyType: z.enum(DAILY_TYPES, { error: `must be one of ${DAILY_TYPES.join(", ")}` }).optional(),
      dailyTime: z
        .string({ error: "must be a time of day such as 22:00" })
        .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: "must be a time of day such as 22:00 (24-hour HH:MM)" })
        .transform((value) => (value.length === 5 ? `${value}:00` : value))
        .optional(),
      periodicallyEvery: z.enum(PERIODS, { error: `must be one of ${PERIODS.join(", ")}` }).optional(),
      retryEnabled: flag().optional(),
      retryNumber: z.number({ error: "must be a whole number, at least 1" }).int({ error: "must be a whole number, at least 1" }).min(1, { error: "must be a whole number, at least 1" }).optional(),
      retryWaitInterval: z.number({ error: "must be minutes, 1 to 999" }).int().min(1, { error: "must be minutes, 1 to 999" }).max(999, { error: "must be minutes, 1 to 999" }).optional(),
      backupWindow: windowSchema().optional(),
      periodicallyWindow: windowSchema().optional(),
      periodicallyOffsetMinutes: z.number({ error: PAST_THE_HOUR_ERROR }).int({ error: PAST_THE_HOUR_ERROR }).min(0, { error: PAST_THE_HOUR_ERROR }).max(59, { error: PAST_THE_HOUR_ERROR }).optional(),
    },
  );
}

const toggles = { mailbox: flag().optional(), archiveMailbox: flag().optional(), oneDrive: flag().optional(), sites: flag().optional(), teams: flag().optional(), teamsChats: flag().optional() };

/** The settings a schedule takes, for messages that list them. */
export function scheduleKeys(): string[] {
  return Object.keys(schedule().shape);
}

/** The settings an item of `type` takes, for messages that list them. */
export function itemKeys(type: unknown): string[] {
  const variant = itemSchema().options.find((option) => option.shape.type.value === type);
  return variant ? Object.keys(variant.shape) : ["type"];
}

const itemSchema = once(buildItem);

/** One item of selectedItems or excludedItems: what it is, the object it names, its toggles. */
function buildItem() {
  return z.discriminatedUnion(
    "type",
    [
      z.strictObject({ type: z.literal("PartialOrganization"), ...toggles }),
      z.strictObject({ type: z.literal("User"), user: text("the user's name (UPN) such as alex@contoso.onmicrosoft.com", 320), mailbox: toggles.mailbox, archiveMailbox: toggles.archiveMailbox, oneDrive: toggles.oneDrive, personalSite: flag().optional() }),
      z.strictObject({
        type: z.literal("Group"),
        group: text("the group's display name", 256),
        members: flag().optional(),
        memberMailbox: flag().optional(),
        memberArchiveMailbox: flag().optional(),
        memberOnedrive: flag().optional(),
        memberSite: flag().optional(),
        groupSite: flag().optional(),
        mailbox: toggles.mailbox,
      }),
      z.strictObject({ type: z.literal("Site"), site: z.url({ error: "must be the site's URL such as https://contoso.sharepoint.com/sites/Sales" }) }),
      z.strictObject({ type: z.literal("Team"), team: text("the team's display name", 256), teams: toggles.teams, teamsChats: toggles.teamsChats }),
      z.strictObject({ type: z.literal("PersonalSites") }),
    ],
    { error: "must be an item whose type is PartialOrganization, User, Group, Site, Team or PersonalSites" },
  );
}

export const BACKUP_JOB_FIELDS = {
  organizationId: organizationIdField("job"),
  name: field(() => text("the job's name", 255), { description: "The job's name in VB365. Defaults to the resource's name.", change: "update", reported: true, namedAfterResource: true }),
  description: field(description, { description: "Free text.", change: "update", reported: true }),
  repositoryId: field(() => guid("the backup repository's id"), { description: "The backup repository by id; or give `repositoryName`.", change: "update", sent: false }),
  repositoryName: field(() => text("the backup repository's name", 255), { description: "The backup repository by name, resolved on the server when the job is created or changed.", change: "update", sent: false }),
  backupType: field(() => z.enum(["EntireOrganization", "SelectedItems"], { error: "must be EntireOrganization or SelectedItems" }), {
    description: "`EntireOrganization`, or `SelectedItems` (then `selectedItems` lists what is backed up).",
    change: "update",
    default: "EntireOrganization",
    reported: true,
  }),
  selectedItems: field(() => z.array(itemSchema(), { error: "must be a list of items" }), {
    description: "With `SelectedItems`: the organization's parts (`PartialOrganization` with `mailbox`, `archiveMailbox`, `oneDrive`, `sites`, `teams`, `teamsChats`), users by UPN, groups and Teams by name, sites by URL, `PersonalSites`.",
    change: "update",
    sent: false,
  }),
  excludedItems: field(() => z.array(itemSchema(), { error: "must be a list of items" }), { description: "What the job leaves out, in the items' form of `selectedItems`.", change: "update", sent: false }),
  schedule: field(schedule, {
    description:
      "When the job runs: `Daily` (`dailyType`, `dailyTime` HH:MM), `Periodically` (`periodicallyEvery` Minutes5 … Hours12) or `ManualOnly`; retries (`retryEnabled`, `retryNumber`, `retryWaitInterval` minutes). `backupWindow`: the hours the job may run in (a run still going when the window closes is stopped), as `allowed` spans `{ days, from, to }` (`days` Everyday, Workdays, Weekends, Monday … Sunday or a list of them; whole hours `HH:00`, `to` 24:00 for midnight and before `from` for a span past midnight) and an optional `minuteOffset` from UTC. With `Periodically` only: `periodicallyWindow`, the hours runs may start in, in the same form, and `periodicallyOffsetMinutes` (0–59, with an Hours period) to start runs that many minutes past the hour.",
    change: "update",
    default: { type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00", retryEnabled: true, retryNumber: 3, retryWaitInterval: 10 },
    reported: true,
    sent: false,
  }),
  isEnabled: field(flag, { description: "Whether the job runs on its schedule.", change: "update", default: true, reported: true }),
  runNow: field(flag, { description: "Start the job once it is created.", change: "createOnly" }),
  adoptExisting: field(flag, {
    description: "Take over the job of this `name` the organization already has (one made in the console) instead of adding another, and update it to these inputs. Only a job of the same organization and name is taken; two of that name stop the create.",
    change: "createOnly",
    default: false,
    sent: false,
  }),
  connection: connectionField(),
} as const;

export const BACKUP_JOB_OUTPUT_FIELDS = {
  jobId: field(() => z.string(), { description: "The job's id on the VB365 server." }),
  resolvedRepositoryId: field(() => z.string(), { description: "The repository the job writes to (given, or found by name)." }),
  resolvedItems: field(() => z.record(z.string(), z.looseObject({ id: z.string() })), {
    description: "Each object the items name as the organization listed it (its id first), by the name given (`user:alex@…`, `site:https://…`).",
  }),
  apiVersion: field(() => z.string(), { description: "The REST API version the job was created or last updated with." }),
} as const;
