/** API versions the emulator can serve, as URL path prefixes (SPEC6/7/8 `info.version`). */
export const API_VERSIONS = ["v6", "v7", "v8"] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/** True when `version` is `min` or later: the specs only ever add behaviour between versions. */
export function atLeast(version: ApiVersion, min: ApiVersion): boolean {
  return API_VERSIONS.indexOf(version) >= API_VERSIONS.indexOf(min);
}
