import { z } from "zod";
import { once } from "../common/once";
import type { Vb365Client } from "./vb365-client";

/** RESTRbacRole: what the provider reads of a role; its operators and items are collections of their own. */
export const roleSchema = once(() =>
  z
    .object({
      id: z.string().min(1),
      organizationId: z.string().nullish(),
      name: z.string().nullish(),
      description: z.string().nullish(),
      roleType: z.string().nullish(),
    })
    .passthrough(),
);

export type RemoteRole = z.infer<ReturnType<typeof roleSchema>>;

const roleListSchema = once(() => roleSchema().array());

/** RESTRbacItemComposed (RESTRbacOperator for v8 operators): the type and the object under its member. */
const roleItemListSchema = once(() =>
  z
    .object({ type: z.string(), id: z.string().nullish() })
    .passthrough()
    .array(),
);

export type RemoteRoleItem = z.infer<ReturnType<typeof roleItemListSchema>>[number];

/** A role's lists, each a collection of its own: `/RbacRoles/{id}/operators` and the rest. */
export type RoleList = "operators" | "selectedItems" | "excludedItems";

/** The restore-operator role calls of the REST API on one client: the same routes in v6–v8 (vb365-api.md §9). */
export class RolesApi {
  constructor(private readonly client: Vb365Client) {}

  /** GET /RbacRoles: an array in every version. */
  listRoles(): Promise<RemoteRole[]> {
    return this.client.request("GET", "/RbacRoles", { retry: true, expected: [200], schema: roleListSchema });
  }

  getRole(id: string): Promise<RemoteRole> {
    return this.client.request("GET", `/RbacRoles/${encodeURIComponent(id)}`, { retry: true, expected: [200], schema: roleSchema });
  }

  /** One of the role's lists: an array in every version (SPEC6/7/8). */
  listRoleItems(id: string, which: RoleList): Promise<RemoteRoleItem[]> {
    return this.client.request("GET", `/RbacRoles/${encodeURIComponent(id)}/${which}`, { retry: true, expected: [200], schema: roleItemListSchema });
  }

  /** Not retried: a repeated POST could add the role twice. 200 up to v7, 201 from v8 on. */
  createRole(organizationId: string, body: Record<string, unknown>): Promise<RemoteRole> {
    return this.client.request("POST", `/Organizations/${encodeURIComponent(organizationId)}/RbacRoles`, { body, retry: false, expected: [200, 201], schema: roleSchema });
  }

  async updateRole(id: string, body: Record<string, unknown>): Promise<void> {
    await this.client.request("PUT", `/RbacRoles/${encodeURIComponent(id)}`, { body, retry: true, expected: [200, 204] });
  }

  async deleteRole(id: string): Promise<void> {
    await this.client.request("DELETE", `/RbacRoles/${encodeURIComponent(id)}`, { retry: true, expected: [200, 204] });
  }
}
