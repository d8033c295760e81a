import { normaliseRegion, regionHint } from "../../provider/organization/region";
import { REGIONS, type Region } from "../../provider/organization/types";
import { didYouMean } from "../../provider/common/did-you-mean";
import { checkConnectionFlags, CONNECTION_OPTIONS, type ConnectionFlags, connectionFlags, nonEmpty, parseCommandFlags } from "../connection/flags";
import { parseDuration } from "../duration";
import { CONFIG_KEY_RULE, configKeyProblem } from "../../program/config-key";
import { UsageError } from "../usage-error";

/** The flags of `vb365 device-code`, checked and converted. */
export interface DeviceCodeArgs extends ConnectionFlags {
  help: boolean;
  region: Region;
  wait: boolean;
  timeoutMs?: number;
  intervalMs?: number;
  json: boolean;
  configKey?: string;
  up: boolean;
  targets: string[];
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  ...CONNECTION_OPTIONS,
  region: { type: "string" },
  wait: { type: "boolean" },
  timeout: { type: "string" },
  interval: { type: "string" },
  json: { type: "boolean" },
  "config-key": { type: "string" },
  up: { type: "boolean" },
  target: { type: "string", multiple: true },
} as const;

export /** Poll intervals below this would only load the server; RFC 8628's default is 5 s. */
const MIN_INTERVAL_MS = 100;

export function parseDeviceCodeArgs(argv: readonly string[]): DeviceCodeArgs {
  const values = parseCommandFlags("device-code", argv, OPTIONS);
  const args: DeviceCodeArgs = {
    help: values.help ?? false,
    ...connectionFlags(values),
    region: region(values.region),
    wait: (values.wait ?? false) || (values.up ?? false),
    timeoutMs: values.timeout === undefined ? undefined : duration(values.timeout, "--timeout", 1000),
    intervalMs: values.interval === undefined ? undefined : duration(values.interval, "--interval", MIN_INTERVAL_MS),
    json: values.json ?? false,
    configKey: configKey(values["config-key"]),
    up: values.up ?? false,
    targets: values.target ?? [],
  };
  if (!args.help) checkCombinations(args, values);
  return args;
}

function checkCombinations(args: DeviceCodeArgs, values: { wait?: boolean; timeout?: string; interval?: string }): void {
  const needs = (present: unknown, flag: string, required: unknown, requiredFlag: string, why: string) => {
    if (present && !required) throw new UsageError(`${flag} needs ${requiredFlag}: ${why}`);
  };
  needs(args.configKey, "--config-key", args.stack, "--stack <name>", "the code is written into that stack's config.");
  needs(args.up, "--up", args.stack, "--stack <name>", "pulumi up runs on that stack.");
  needs(args.up, "--up", args.configKey, "--config-key <key>", "the program reads the code from that config key.");
  needs(args.targets.length, "--target", args.up, "--up", "it is passed on to pulumi up.");
  needs(values.timeout, "--timeout", values.wait || args.up, "--wait", "it limits the wait for the sign-in.");
  needs(values.interval, "--interval", values.wait || args.up, "--wait", "it is the pause between checks of the sign-in.");
  checkConnectionFlags(args);
}

function region(value: string | undefined): Region {
  if (value === undefined) return "Worldwide";
  const known = normaliseRegion(value);
  if (known) return known;
  throw new UsageError(`--region must be ${regionHint()}, not ${JSON.stringify(value)}.${didYouMean(value, REGIONS)}`);
}

/** Checked here, before anything is asked of VB365 or Pulumi: the key goes to `pulumi config set`. */
function configKey(value: string | undefined): string | undefined {
  const key = nonEmpty(value, "--config-key");
  const problem = key === undefined ? undefined : configKeyProblem(key);
  if (problem) throw new UsageError(`--config-key ${JSON.stringify(key)} ${problem}. ${CONFIG_KEY_RULE}`);
  return key;
}

function duration(value: string, flag: string, minimumMs: number): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`${flag} must be a duration such as 90s, 10m or 1h30m, not ${JSON.stringify(value)}.`);
  if (ms < minimumMs) throw new UsageError(`${flag} must be at least ${minimumMs >= 1000 ? `${minimumMs / 1000}s` : `${minimumMs}ms`}, not ${JSON.stringify(value)}.`);
  return ms;
}
