import * as path from "node:path";
import { type TestStack, TEST_PASSPHRASE } from "./engine";
import { pulumiBinDir } from "./pulumi-cli";

/**
 * The environment under which `vb365 device-code --stack` reaches `stack`: the same file
 * backend, passphrase and PULUMI_HOME as the Automation API uses for it, and the project's
 * Pulumi CLI on PATH. No VB365_* variable: the connection comes from the stack's config.
 */
export function cliStackEnv(stack: TestStack, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    PATH: [pulumiBinDir(), process.env.PATH].join(path.delimiter),
    PULUMI_HOME: stack.pulumiHome,
    PULUMI_BACKEND_URL: `file://${stack.backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    ...extra,
  };
}
