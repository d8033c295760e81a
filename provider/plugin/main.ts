import { keepWebAssemblyOnBaselineCompiler } from "../runtime/wasm-baseline";
import { packageSchema } from "./schema/package-schema";
import { type PluginLifetime, watchLifetime } from "./lifetime";
import { loadProtocol } from "./protocol";
import { Vb365PluginProvider } from "./provider";
import { serve } from "./server";

/**
 * The vb365 provider plugin's entry: the engine starts it (plugin/index.js) with its own address
 * as the first argument, reads the port to call from its first line of output, and is watched
 * so that the process ends when the engine is done with it (lifetime.ts).
 */
async function main(): Promise<void> {
  // As in the dynamic-provider process: undici's parser compiled without V8's optimizing tier (wasm-baseline.ts).
  keepWebAssemblyOnBaselineCompiler();
  const { version } = require("../../../package.json") as { version: string };
  const protocol = loadProtocol();
  let schema: string | undefined;
  let lifetime: PluginLifetime | undefined;
  const plugin = { version, schema: () => (schema ??= JSON.stringify(packageSchema(version))), provider: new Vb365PluginProvider(), onCancel: () => lifetime?.cancelled() };
  const { port, server } = await serve(plugin, protocol);
  lifetime = watchLifetime({ grpc: protocol.grpc, server, engineAddress: engineAddressIn(process.argv.slice(2)) });
  process.stdout.write(`${port}\n`);
}

/** The engine's address: the last argument, after any flags Pulumi puts first (--logtostderr, --tracing <endpoint>). */
function engineAddressIn(args: string[]): string | undefined {
  const last = args.at(-1);
  return last !== undefined && /^[^-].*:\d+$/.test(last) ? last : undefined;
}

main().catch((error: unknown) => {
  process.stderr.write(`The vb365 provider could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
