import type * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../client";
import { isUnknown, restoreUnknowns, structuralFailures, typeOfListEntry, withoutUnknowns } from "../common/check";
import { objectSchema, unknownKeys, withDefaultsOf } from "../common/definition";
import { once } from "../common/once";
import { plainInputs } from "../tenant-certificate/normalize";
import { referenceKeys, ROLE_FIELDS } from "./definition";
import type { RoleInputs } from "./types";

const roleSchema = once(() => objectSchema(ROLE_FIELDS, (issue) => unknownKeys(issue, (keys) => `is not an input of Vb365RestoreOperatorRole (${keys.join(", ")})`)));

function knownRoleInputs(path: ReadonlyArray<PropertyKey>, raw: unknown): string[] {
  if (path.length === 0) return Object.keys(ROLE_FIELDS);
  const entry = typeOfListEntry(path, raw);
  return entry ? referenceKeys(entry.type) : [];
}

/** Validates a role's inputs at preview, before any request, in the terms of the spec's rules. */
export function checkRole(news: Record<string, unknown>, apiVersion: ApiVersion | undefined): pulumi.dynamic.CheckResult<RoleInputs> {
  const raw = plainInputs(news);
  const parsed = roleSchema().safeParse(withoutUnknowns(raw));
  if (!parsed.success) return { failures: structuralFailures(parsed.error.issues, raw, "Vb365RestoreOperatorRole", knownRoleInputs) };
  const inputs = withDefaultsOf(ROLE_FIELDS, parsed.data);
  const failures: pulumi.dynamic.CheckFailure[] = [];
  if (!inputs.organizationId && !isUnknown(raw.organizationId)) failures.push({ property: "organizationId", reason: "organizationId is required: the organizationId of the Vb365Organization the role belongs to." });
  if (!inputs.operators && !isUnknown(raw.operators)) failures.push({ property: "operators", reason: 'operators is required: the users or groups who may restore, e.g. [{ type: "Group", group: "Helpdesk" }].' });
  const selected = inputs.selectedItems ?? [];
  if (inputs.roleType === "SpecificObjects" && selected.length === 0 && !isUnknown(raw.selectedItems)) {
    failures.push({ property: "selectedItems", reason: "roleType SpecificObjects needs at least one item in selectedItems: the objects the operators may restore (Veeam's spec)." });
  }
  if (inputs.roleType === "EntireOrganization" && selected.length > 0) {
    failures.push({ property: "selectedItems", reason: "selectedItems is for roleType SpecificObjects; with EntireOrganization the operators may restore everything (excludedItems may still leave parts out)." });
  }
  // Teams became role items with REST API v7 (RESTRbacItemType: Group, User, Site in v6).
  if (apiVersion === "v6") {
    [...selected, ...(inputs.excludedItems ?? [])].forEach((item, index) => {
      if (item.type === "Team") failures.push({ property: index < selected.length ? `selectedItems[${index}]` : `excludedItems[${index - selected.length}]`, reason: "Teams are role items from VB365 REST API v7 on; this connection uses v6." });
    });
  }
  if (failures.length) return { failures };
  return { inputs: restoreUnknowns(inputs, raw) as RoleInputs };
}
