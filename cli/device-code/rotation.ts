/** A tenant of the stack whose certificate rotation waits for a fresh device code in the config key given. */
export interface WaitingRotation {
  tenant: string;
  organization?: string;
  /** The certificate the organization switches to once VB365 has registered it. */
  thumbprint?: string;
}

/**
 * The tenant of the root program's `summary` output whose device code lives in `configKey` and
 * whose rotation waits for a fresh one; undefined when there is none (or no such summary): then
 * the code is for onboarding, as always.
 */
export function waitingRotation(outputs: Record<string, unknown>, configKey: string): WaitingRotation | undefined {
  const summary = outputs.summary;
  if (summary === null || typeof summary !== "object") return undefined;
  for (const [tenant, row] of Object.entries(summary as Record<string, unknown>)) {
    if (row === null || typeof row !== "object") continue;
    const { deviceCodeConfigKey, certificateRotation, organization, nextThumbprint } = row as Record<string, unknown>;
    if (deviceCodeConfigKey !== configKey || typeof certificateRotation !== "string" || !certificateRotation.startsWith("waiting:")) continue;
    return {
      tenant,
      ...(typeof organization === "string" ? { organization } : {}),
      ...(typeof nextThumbprint === "string" ? { thumbprint: nextThumbprint } : {}),
    };
  }
  return undefined;
}

/** The operator's line about it. */
export function rotationLine(rotation: WaitingRotation): string {
  const to = rotation.thumbprint ? ` to thumbprint ${rotation.thumbprint}` : "";
  const who = rotation.organization ? ` (${rotation.organization})` : "";
  return `This code is for the rotation of tenant ${rotation.tenant}'s certificate${to}${who}: once its Global Administrator signs in, pulumi up lets VB365 register the new certificate on the application and switches the organization to it.\n`;
}
