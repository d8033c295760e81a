/**
 * Tenants files made to hurt a reader: an alias bomb (each level repeats the one above nine
 * times, so nine levels stand for 9^9 nodes in a few hundred bytes), and a file of ordinary
 * entries past a size.
 */

const LEVELS = "abcdefghi";

/** The reader's bound of 100 aliased nodes is passed at line 10, column 12: the first `*c` (10 × 10 × 2). */
export function aliasBomb(): string {
  return [
    "# An alias bomb: nine levels, each nine aliases of the level above.",
    "defaults:",
    "  repository: Default Backup Repository",
    "tenants:",
    "  - name: contoso",
    "    organization: contoso.onmicrosoft.com",
    `    description: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
    ...[...LEVELS.slice(1)].map((level, index) => `    ${level}: &${level} [${Array(9).fill(`*${LEVELS[index]}`).join(",")}]`),
    "    authentication: { kind: newApplication }",
    "",
  ].join("\n");
}

/** A valid tenants file of ordinary entries, at least `bytes` long. */
export function largeTenantsFile(bytes: number): string {
  const parts = ["tenants:\n"];
  let length = parts[0]!.length;
  for (let index = 0; length < bytes; index++) {
    const entry = [
      `  - name: tenant-${index}`,
      `    organization: tenant-${index}.onmicrosoft.com`,
      "    services: { exchange: true, sharePoint: true, teams: true }",
      "    authentication: { kind: newApplication }",
      `    description: Customer ${index}, onboarded with the defaults`,
      "",
    ].join("\n");
    parts.push(entry);
    length += entry.length;
  }
  return parts.join("");
}
