import { type CarriedMembers, objectKey, type ResolvedObject } from "../common/object-lookup";
import type { RoleInputs, RoleReference } from "./types";

/** What a role's operators and items carry of their objects: RESTRbacUser, RESTRbacGroup, RESTRbacSite, RESTRbacTeam. */
export const ROLE_OBJECT_MEMBERS: CarriedMembers = {
  user: ["displayName", "name", "type", "onPremisesSid"],
  group: ["displayName", "name", "type", "onPremisesSid"],
  site: ["url", "title", "parentUrl", "isCloud", "isPersonal"],
  team: ["description", "displayName", "mail"],
};

/** The body of POST /Organizations/{id}/RbacRoles and PUT /RbacRoles/{id} (RESTRbacRoleCreateModel). */
export function roleBody(inputs: RoleInputs, objects: Readonly<Record<string, ResolvedObject>>): Record<string, unknown> {
  const body: Record<string, unknown> = { name: inputs.name, roleType: inputs.roleType ?? "EntireOrganization" };
  if (inputs.description !== undefined) body.description = inputs.description;
  body.operators = (inputs.operators ?? []).map((operator) => reference(operator, objects));
  body.selectedItems = (inputs.selectedItems ?? []).map((item) => reference(item, objects));
  body.excludedItems = (inputs.excludedItems ?? []).map((item) => reference(item, objects));
  return body;
}

/** RESTRbacOperator / RESTRbacItemComposed: the object as the organization listed it under its kind. */
function reference(entry: RoleReference, objects: Readonly<Record<string, ResolvedObject>>): Record<string, unknown> {
  const key = objectKey(entry)!;
  const kind = key.slice(0, key.indexOf(":"));
  // RESTRbacTeam requires a description, which a team listed without one does not have.
  const object = kind === "team" ? { description: "", ...objects[key] } : objects[key];
  return { type: entry.type, [kind]: object };
}
