import type { ApiVersion } from "../client";
import type { RemoteRole, RemoteRoleItem, RoleList, RolesApi } from "../client/roles";
import { namedObject } from "../common/object-lookup";
import { checkRole } from "./check";
import type { RoleInputs } from "./types";

const LISTS: readonly RoleList[] = ["operators", "selectedItems", "excludedItems"];

/**
 * A role the server has, as the inputs that declare it (`pulumi import`, the `import` option,
 * `Vb365RestoreOperatorRole.get`): its organization, name, type, and its operators and items
 * named as people know them. An entry with no declared form is refused rather than left out: the
 * first `up` would take it from the role.
 */
export async function importedRole(api: RolesApi, role: RemoteRole, apiVersion: ApiVersion): Promise<RoleInputs> {
  const shown = `The restore operator role ${JSON.stringify(role.name ?? role.id)}`;
  if (!role.organizationId) throw new Error(`${shown} cannot be imported: VB365 does not say which organization it belongs to.`);
  const declared: Record<string, unknown> = {
    organizationId: role.organizationId.toLowerCase(),
    name: role.name ?? undefined,
    ...(role.description ? { description: role.description } : {}),
    roleType: role.roleType ?? undefined,
  };
  const leftOut: string[] = [];
  for (const which of LISTS) {
    const references = (await api.listRoleItems(role.id, which)).map((item) => referenceOf(item, which, leftOut));
    const named = references.filter((reference): reference is Record<string, unknown> => reference !== undefined);
    if (named.length || which === "operators") declared[which] = named;
  }
  if (leftOut.length) throw new Error(`${shown} cannot be imported without losing part of it: ${leftOut.join("; ")}.`);
  const checked = checkRole(declared, apiVersion);
  if (!checked.inputs) {
    const reasons = (checked.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`).join("; ");
    throw new Error(`${shown} cannot be declared from what the server reports (${reasons}).`);
  }
  return checked.inputs;
}

function referenceOf(item: RemoteRoleItem, which: RoleList, leftOut: string[]): Record<string, unknown> | undefined {
  const object = namedObject(item.type, item);
  if (object && typeof object.name === "string") return { type: item.type, [object.member]: object.name };
  leftOut.push(`an entry of type ${item.type} in its ${which} that names no ${object?.member ?? "known object"}`);
  return undefined;
}
