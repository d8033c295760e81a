import { Vb365ConfigError } from "../client/errors";
import { normaliseRegion, regionHint } from "../organization/region";
import { REGIONS, type Region } from "../organization/types";
import { didYouMean } from "../common/did-you-mean";

/** The `targetRegion` to send, as v6–v8 spell it; old spellings are accepted like everywhere else. */
export function deviceCodeRegion(value: string | undefined): Region {
  if (value === undefined) return "Worldwide";
  const region = normaliseRegion(value);
  if (region) return region;
  throw new Vb365ConfigError(`The region must be ${regionHint()}, not ${JSON.stringify(value)}.${didYouMean(value, REGIONS)}`);
}
