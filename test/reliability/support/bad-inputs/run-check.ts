import type * as pulumi from "@pulumi/pulumi";
import type { Emulator } from "../../../../emulator";
import { OrganizationProvider } from "../../../../provider/organization/provider";
import type { OrganizationInputs } from "../../../../provider/organization/types";
import { TenantCertificateProvider } from "../../../../provider/tenant-certificate/provider";
import type { TenantCertificateInputs } from "../../../../provider/tenant-certificate/types";
import { parseTenants } from "../../../../program/tenants-file";
import { stackConfig } from "../../../helpers/organization-provider";
import type { BadInputResult } from "../results";
import { results } from "../results";
import type { BadInputCase } from "./case";
import type { ConfigCase } from "./config";
import type { OrganizationCase } from "./organization";
import { ConnectionPool } from "../../../../provider/common/connection-pool";

/** What every check of a bad input is measured against: the server it must not reach, the state it must not touch. */
export interface CheckContext {
  emulator: Emulator;
  /** The checkpoint text of the stack the inputs would belong to. */
  stateText(): string;
  /** A working vb365: config, plain text. */
  providerConfig: Record<string, string>;
}

type Target = BadInputResult["target"];

function failuresText(failures: pulumi.dynamic.CheckFailure[] | undefined): string {
  return (failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`).join("\n");
}

/** Runs `check` for one case and judges what it said, what it cost and what it left. */
async function judged<T>(target: Target, badInput: BadInputCase<T>, context: CheckContext, check: () => Promise<string | undefined>): Promise<BadInputResult> {
  const state = context.stateText();
  context.emulator.resetCounters();
  const message = (await check()) ?? "";
  const apiCalls = context.emulator.counters().total;
  const stateUnchanged = context.stateText() === state;
  results.secrets.scan(`bad input: ${target} ${badInput.id}`, "check failure message", message);
  const namesField = message.includes(badInput.field);
  const saysWhatIsValid = badInput.valid.test(message);
  return {
    id: badInput.id,
    target,
    through: "check",
    field: badInput.field,
    message,
    namesField,
    saysWhatIsValid,
    apiCalls,
    stateUnchanged,
    caught: message.length > 0 && namesField && saysWhatIsValid && apiCalls === 0 && stateUnchanged,
  };
}

export function checkTenantCertificate(badInput: BadInputCase<Record<string, unknown>>, context: CheckContext): Promise<BadInputResult> {
  return judged("TenantCertificate", badInput, context, async () => {
    const result = await new TenantCertificateProvider().check({} as TenantCertificateInputs, badInput.input() as TenantCertificateInputs);
    return failuresText(result.failures);
  });
}

export function checkOrganization(badInput: BadInputCase<OrganizationCase>, context: CheckContext): Promise<BadInputResult> {
  return judged("Vb365Organization", badInput, context, async () => {
    const provider = new OrganizationProvider(new ConnectionPool());
    const input = badInput.input();
    const config = { ...context.providerConfig, ...(input.apiVersion ? { "vb365:apiVersion": input.apiVersion } : {}) };
    await provider.configure({ config: stackConfig(config) });
    const result = await provider.check({} as OrganizationInputs, input.inputs as OrganizationInputs);
    return failuresText(result.failures);
  });
}

/** The provider reads VB365_* variables at call time; a case's ones are set around its check only. */
async function withEnv<T>(env: Record<string, string> | undefined, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env ?? {}).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export function checkConfig(badInput: BadInputCase<ConfigCase>, context: CheckContext, validInputs: OrganizationInputs): Promise<BadInputResult> {
  const input = badInput.input();
  return judged("vb365: config", badInput, context, () =>
    withEnv(input.env, async () => {
      const config: Record<string, string> = { ...context.providerConfig };
      for (const [key, value] of Object.entries(input.config)) {
        if (value === undefined) delete config[key];
        else config[key] = value;
      }
      const provider = new OrganizationProvider(new ConnectionPool());
      await provider.configure({ config: stackConfig(config) });
      const inputs = input.connection ? { ...validInputs, connection: input.connection } : validInputs;
      return failuresText((await provider.check({} as OrganizationInputs, inputs)).failures);
    }),
  );
}

export function checkTenantsFile(badInput: BadInputCase<string>, context: CheckContext): Promise<BadInputResult> {
  return judged("tenants.yaml", badInput, context, async () => {
    try {
      parseTenants(badInput.input(), "tenants.yaml");
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
}
