import { z } from "zod";
import { field } from "../common/definition";
import { connectionField, description, organizationIdField, text } from "../common/fields";
import { once } from "../common/once";

/**
 * Vb365RestoreOperatorRole, defined once: the organization's RBAC role for restore operators
 * (RESTRbacRoleCreateModel), with its operators and objects named as people know them (a UPN, a
 * group's or team's name, a site's URL) and resolved in the organization when it is created or
 * changed. The types, the schema, the diff and the docs are read from here.
 */

const user = () => z.strictObject({ type: z.literal("User"), user: text("the user's name (UPN) such as alex@contoso.onmicrosoft.com", 320) });
const group = () => z.strictObject({ type: z.literal("Group"), group: text("the group's display name", 256) });

const operatorSchema = once(() => z.discriminatedUnion("type", [user(), group()], { error: "must be an operator whose type is User or Group" }));

const itemSchema = once(() =>
  z.discriminatedUnion(
    "type",
    [
      user(),
      group(),
      z.strictObject({ type: z.literal("Site"), site: z.url({ error: "must be the site's URL such as https://contoso.sharepoint.com/sites/Sales" }) }),
      z.strictObject({ type: z.literal("Team"), team: text("the team's display name", 256) }),
    ],
    { error: "must be an item whose type is User, Group, Site or Team" },
  ),
);

/** The settings an operator or item of `type` takes, for messages that list them. */
export function referenceKeys(type: unknown): string[] {
  const variant = itemSchema().options.find((option) => option.shape.type.value === type);
  return variant ? Object.keys(variant.shape) : ["type"];
}

export const ROLE_FIELDS = {
  organizationId: organizationIdField("role"),
  name: field(() => text("the role's name", 255), { description: "The role's name in VB365, unique in the organization. Defaults to the resource's name.", change: "update", reported: true, namedAfterResource: true }),
  description: field(description, { description: "Free text.", change: "update", reported: true }),
  roleType: field(() => z.enum(["EntireOrganization", "SpecificObjects"], { error: "must be EntireOrganization or SpecificObjects" }), {
    description: "What the operators may restore: all of the organization (`EntireOrganization`), or the objects of `selectedItems` (`SpecificObjects`).",
    change: "update",
    default: "EntireOrganization",
    reported: true,
  }),
  operators: field(() => z.array(operatorSchema(), { error: "must be a list of operators" }).min(1, { error: "must name at least one operator" }), {
    description: "Who may restore: users of the organization by UPN (`{ type: User, user }`), groups by name (`{ type: Group, group }`).",
    change: "update",
    sent: false,
  }),
  selectedItems: field(() => z.array(itemSchema(), { error: "must be a list of items" }), {
    description: "With `SpecificObjects`: what the operators may restore: users by UPN, groups and Teams by name, sites by URL.",
    change: "update",
    sent: false,
  }),
  excludedItems: field(() => z.array(itemSchema(), { error: "must be a list of items" }), { description: "What the operators may not restore, in the form of `selectedItems`.", change: "update", sent: false }),
  connection: connectionField(),
} as const;

export const ROLE_OUTPUT_FIELDS = {
  roleId: field(() => z.string(), { description: "The role's id on the VB365 server." }),
  resolvedObjects: field(() => z.record(z.string(), z.looseObject({ id: z.string() })), {
    description: "Each object the operators and items name as the organization listed it (its id first), by the name given (`user:alex@…`).",
  }),
  apiVersion: field(() => z.string(), { description: "The REST API version the role was created or last updated with." }),
} as const;
