import { keepWebAssemblyOnBaselineCompiler } from "../runtime/wasm-baseline";
import { packageSchema } from "./schema/package-schema";
import { Vb365PluginProvider } from "./provider";
import { serve } from "./server";

/**
 * The vb365 provider plugin's entry: the engine starts it (plugin/index.js) with its own address
 * as the first argument and reads the port to call from its first line of output.
 */
async function main(): Promise<void> {
  // As in the dynamic-provider process: undici's parser compiled without V8's optimizing tier (wasm-baseline.ts).
  keepWebAssemblyOnBaselineCompiler();
  const { version } = require("../../../package.json") as { version: string };
  let schema: string | undefined;
  const { port } = await serve({ version, schema: () => (schema ??= JSON.stringify(packageSchema(version))), provider: new Vb365PluginProvider() });
  process.stdout.write(`${port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The vb365 provider could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
