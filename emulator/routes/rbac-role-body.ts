import { z } from "zod";
import { bind, ciEnum, ciObject } from "../binding";
import { ROLE_ITEM_TYPES, ROLE_TYPES, type RoleItemType } from "../model";
import { ROLE_ITEM_MEMBER, type SentRoleItem } from "../role-items";
import type { ApiVersion } from "../versions";

/** RESTRbacItemType: SPEC6 knows no Team. */
function itemTypes(version: ApiVersion) {
  return version === "v6" ? (["Group", "User", "Site"] as const) : ROLE_ITEM_TYPES;
}

/**
 * Operators are users or groups: RESTRbacOperatorType in SPEC8. SPEC6/7 type them as
 * RESTRbacItemComposed, whose type also allows Site (and Team); decided: refused there too, since
 * a site or a team cannot sign in to restore anything.
 */
const OPERATOR_TYPES = ["Group", "User"] as const;

/** An object member of an item: only its `id` is read, the rest comes from the inventory. */
const objectRef = ciObject({ id: z.string().nullish() }).nullish();

function item<const T extends readonly [RoleItemType, ...RoleItemType[]]>(types: T) {
  return ciObject({ type: ciEnum(types), id: z.string().nullish(), user: objectRef, group: objectRef, site: objectRef, team: objectRef });
}

interface ObjectRef {
  id?: string | null | undefined;
}

/** An item as bound: whichever types its list allows. */
interface BoundItem {
  type: RoleItemType;
  id?: string | null | undefined;
  user?: ObjectRef | null | undefined;
  group?: ObjectRef | null | undefined;
  site?: ObjectRef | null | undefined;
  team?: ObjectRef | null | undefined;
}

function lists(version: ApiVersion) {
  return {
    operators: z.array(item(OPERATOR_TYPES)).nullish(),
    selectedItems: z.array(item(itemTypes(version))).nullish(),
    excludedItems: z.array(item(itemTypes(version))).nullish(),
  };
}

/**
 * RESTRbacRoleCreateModel, for POST and PUT alike. Its `id`, `organizationId` and `_links` are
 * dropped: the server assigns the id, the path gives the organization (decided: a body
 * organizationId is ignored, as v6/v7 job bodies' is), and a role cannot move to another one.
 * Required members are the store's rules (role-store.ts), so the messages are the same on PUT.
 */
export function roleBody(version: ApiVersion) {
  return ciObject({ name: z.string().nullish(), description: z.string().nullish(), roleType: ciEnum(ROLE_TYPES).nullish(), ...lists(version) });
}

export type RoleBody = z.output<ReturnType<typeof roleBody>>;

/**
 * The object an item names: its member's `id` (`user.id` for a User), else the item's own `id`,
 * which the specs describe as the ID of the organization user, group, site or team.
 */
function sent(bound: BoundItem): SentRoleItem {
  const member = bound[ROLE_ITEM_MEMBER[bound.type]];
  const id = [member?.id, bound.id].find((candidate) => typeof candidate === "string" && candidate.trim() !== "");
  return { type: bound.type, objectId: id ?? undefined };
}

export function sentItems(items: readonly BoundItem[] | null | undefined): SentRoleItem[] | undefined {
  return items ? items.map(sent) : undefined;
}

/**
 * The body of POST /RbacRoles/{roleId}/{list}: an array of items. Bound under the list's name,
 * so messages say 'operators[0].type' as they do for a role body.
 */
export function bindItemArray(version: ApiVersion, which: keyof ReturnType<typeof lists>, raw: unknown): SentRoleItem[] {
  const schema = z.object({ [which]: lists(version)[which].unwrap().unwrap() });
  const bound = bind(schema, { [which]: raw }, "the request body") as Record<string, BoundItem[]>;
  return bound[which]!.map(sent);
}
