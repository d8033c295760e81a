import { REGIONS, type Region } from "./types";

// Spellings from VB365 v2–v5 documentation and the old self-service portal (vb365-api.md §4.2).
const OLD_SPELLINGS: Readonly<Record<string, Region>> = {
  usgovdefence: "USDefence",
  usgovdefense: "USDefence",
  usdefense: "USDefence",
  usgovcommunity: "USGovernment",
  usgov: "USGovernment",
  global: "Worldwide",
};

/** The region as v6–v8 spell it, or undefined when the value is no known region. */
export function normaliseRegion(value: string): Region | undefined {
  const key = value.trim().toLowerCase();
  return REGIONS.find((region) => region.toLowerCase() === key) ?? OLD_SPELLINGS[key];
}

export function regionHint(): string {
  return `one of ${REGIONS.join(", ")} (old spellings such as worldwide or USgovDefence are accepted)`;
}
