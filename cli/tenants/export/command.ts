import * as path from "node:path";
import { Vb365Client } from "../../../provider/client";
import { CLI_RETRY_POLICY, openConnection } from "../../connection/open";
import { EXIT } from "../../exit-codes";
import { describeFailure, type FailureContext, failureText } from "../../failure";
import type { CliIo } from "../../io";
import { TENANTS_EXPORT_HELP } from "../help";
import { parseTenantsExportArgs } from "./args";
import { type ExportResult, exportTenants } from "./export";
import { exportReport, summaryText } from "./report";
import { appendedText, readMergeTarget } from "./tenants-file";
import { fileText } from "./tenants-yaml";
import { writeAtomically } from "./write-atomic";

/**
 * `vb365 tenants export`: the server's organizations as tenants.yaml entries, on stdout or added
 * to --file. Human text goes to stderr; with --json, stdout carries exactly one JSON object, on
 * success and on failure alike.
 */
export async function tenantsExportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes("--json");
  const context: FailureContext = { command: "tenants export", rights: "read organizations, jobs and repositories" };
  let requests = 0;
  let result: ExportResult | undefined;
  let shownFile: string | undefined;
  let written = false;
  let client: Vb365Client | undefined;
  try {
    const args = parseTenantsExportArgs(argv);
    if (args.help) {
      io.stdout.write(TENANTS_EXPORT_HELP);
      return EXIT.ok;
    }
    shownFile = args.file;
    const file = args.file === undefined ? undefined : path.resolve(io.cwd, args.file);
    // Read before anything is asked of the server: a file that cannot be merged into stops here.
    const existing = file ? readMergeTarget(file, args.file) : undefined;
    const { settings } = await openConnection(args, io, context);
    client = new Vb365Client(settings, { retryPolicy: CLI_RETRY_POLICY, onResponse: () => requests++ });
    result = await exportTenants(client, { existing, jobs: args.jobs });

    const header = [`The Microsoft 365 organizations of ${settings.url} (REST API ${settings.apiVersion}), as vb365 tenants export found them.`, "Reference: docs/tenants-file.md"];
    if (file) {
      if (result.exports.length) {
        writeAtomically(file, existing ? appendedText(existing, result.exports) : fileText(result.exports, header));
        written = true;
      }
    } else if (!json) {
      io.stdout.write(fileText(result.exports, header));
    }
    if (args.importFile) {
      // Pulumi's bulk import file (pulumi import -f), for a YAML, Python or Go program with the provider plugin.
      const resources = result.exports.flatMap((exported) => exported.importable);
      writeAtomically(path.resolve(io.cwd, args.importFile), `${JSON.stringify({ resources }, null, 2)}\n`);
    }
    io.stderr.write(summaryText(result, { url: settings.url, file: args.file, written, requests }));
    if (json) io.stdout.write(`${JSON.stringify(exportReport(result, args.file, written, requests))}\n`);
    return EXIT.ok;
  } catch (error) {
    const failure = describeFailure(error, context);
    io.stderr.write(failureText("tenants export", error, failure, context, io.env));
    if (json) io.stdout.write(`${JSON.stringify({ ...exportReport(result, shownFile, written, requests), error: failure })}\n`);
    return failure.exitCode;
  } finally {
    await client?.close();
  }
}
