import { organizationBody } from "../../provider/organization/body";
import { planOf } from "../../provider/organization/plan";
import type { OrganizationInputs } from "../../provider/organization/types";

/** The body the provider sends for checked inputs, through the plan as the provider makes it. */
export function bodyFor(inputs: OrganizationInputs, purpose: "create" | "update"): Record<string, unknown> {
  return organizationBody(planOf(inputs), purpose);
}
