import { expect } from "chai";
import { describe, it } from "mocha";
import { main } from "../../../cli/main";
import { parseTenantsExportArgs } from "../../../cli/tenants/export/args";
import type { ExportResult } from "../../../cli/tenants/export/export";
import { exportReport, summaryText } from "../../../cli/tenants/export/report";
import { exportedTenant } from "../../../cli/tenants/export/tenant-entry";
import { UsageError } from "../../../cli/usage-error";
import type { RemoteOrganization } from "../../../provider/client";
import { capturedIo } from "../../helpers/captured-io";

function usageError(argv: string[]): string {
  try {
    parseTenantsExportArgs(argv);
  } catch (error) {
    expect(error).to.be.instanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected ${argv.join(" ")} to be refused`);
}

/** An export of one organization, alpha, with fabrikam already in the file and one warning. */
function result(): ExportResult {
  const settings = { useApplicationOnlyAuth: true, applicationId: "feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f", account: "backup@alpha.onmicrosoft.com" };
  const remote = { id: "1", name: "alpha.onmicrosoft.com", type: "Office365", isExchangeOnline: true, exchangeOnlineSettings: settings } as RemoteOrganization;
  return {
    exports: [exportedTenant(remote, { name: "alpha", organization: "alpha.onmicrosoft.com", jobs: undefined, repositories: new Map(), defaultRepository: "Default Backup Repository" })],
    skipped: [{ organization: "fabrikam.onmicrosoft.com", name: "fabrikam", reason: "already in tenants.yaml" }],
    warnings: ["echo.onmicrosoft.com: VB365 has it with basic authentication"],
    organizations: 2,
  };
}

describe("vb365 tenants export: the command", () => {
  it("reads its flags, the connection flags included", () => {
    expect(parseTenantsExportArgs([])).to.deep.include({ help: false, json: false, jobs: true, file: undefined, insecure: false });
    expect(parseTenantsExportArgs(["-f", "tenants.yaml", "--json", "--no-jobs", "--url", "https://vb365:4443", "--api-version", "7", "-s", "prod", "-C", "infra"])).to.deep.include({
      file: "tenants.yaml",
      json: true,
      jobs: false,
      url: "https://vb365:4443",
      apiVersion: "v7",
      stack: "prod",
      cwd: "infra",
    });
  });

  it("says what is wrong with its flags", () => {
    expect(usageError(["tenants.yaml"])).to.equal('vb365 tenants export takes no arguments, only flags; got "tenants.yaml". To add to a file, pass --file tenants.yaml.');
    expect(usageError(["--no-job"])).to.equal('Unknown flag --no-job. Did you mean "--no-jobs"?');
    expect(usageError(["--file"])).to.equal("--file needs a value.");
    expect(usageError(["--file", " "])).to.equal("--file needs a value, not an empty string.");
    expect(usageError(["--password", "x"])).to.match(/^There is no --password flag/);
    expect(usageError(["--connection", "eu"])).to.equal("--connection needs --stack <name>: the named connection is read from that stack's vb365:connections.");
    expect(usageError(["--insecure", "--ca-file", "ca.pem"])).to.match(/^--insecure and --ca-file contradict each other/);
  });

  it("is registered under vb365 tenants, with help that lists it and its exit codes", async () => {
    const top = capturedIo();
    expect(await main(["--help"], top)).to.equal(0);
    expect(top.out()).to.include("  tenants export   Write tenants.yaml entries for the organizations a VB365 server already has\n");
    const tenants = capturedIo();
    expect(await main(["tenants"], tenants)).to.equal(2);
    expect(tenants.err()).to.match(/^Usage: vb365 tenants <command> \[flags\]/);
    const unknown = capturedIo();
    expect(await main(["tenants", "exprot"], unknown)).to.equal(2);
    expect(unknown.err()).to.equal('vb365 tenants: unknown command "exprot". Did you mean "export"? Run vb365 tenants --help for the commands.\n');
    const help = capturedIo();
    expect(await main(["tenants", "export", "--help"], help)).to.equal(0);
    expect(help.out()).to.match(/^Usage: vb365 tenants export \[--file tenants\.yaml\] \[--json\] \[--no-jobs\] \[flags\]/);
    for (const code of ["0 done", "1 other failure", "2 usage", "3 credentials refused", "4 server unreachable", "5 TLS", "8 Pulumi", "130 interrupted"]) expect(help.out()).to.include(code);
    expect(help.out()).to.include("--no-jobs");
  });

  it("prints one JSON object with --json, on failure too, pointing at its own help", async () => {
    const io = capturedIo({});
    expect(await main(["tenants", "export", "--json"], io)).to.equal(2);
    const report = JSON.parse(io.out());
    expect(report).to.deep.equal({
      added: [],
      skipped: [],
      warnings: [],
      entries: [],
      requests: 0,
      error: {
        exitCode: 2,
        code: "usage",
        message: "No VB365 server given: pass --url https://<server>:4443, set VB365_URL, or vb365:url in a stack's config (with --stack).",
        hint: "Run vb365 tenants export --help for the flags.",
      },
    });
    expect(io.err()).to.equal(`vb365 tenants export: ${report.error.message}\n${report.error.hint}\n`);
  });

  it("reports what was added, what was there already and the warnings, as JSON and as text", () => {
    const exported = result();
    const report = exportReport(exported, "tenants.yaml", true, 5);
    expect(report).to.deep.equal({
      file: "tenants.yaml",
      written: true,
      added: [{ name: "alpha", organization: "alpha.onmicrosoft.com" }],
      skipped: [{ organization: "fabrikam.onmicrosoft.com", name: "fabrikam", reason: "already in tenants.yaml" }],
      warnings: ["echo.onmicrosoft.com: VB365 has it with basic authentication"],
      entries: [exported.exports[0]!.entry],
      requests: 5,
    });
    expect(JSON.parse(JSON.stringify(report)).entries[0]).to.deep.include({ name: "alpha", certificate: "keep", adoptExisting: true, backup: [] });
    expect(summaryText(exported, { url: "https://vb365:4443", file: "tenants.yaml", written: true, requests: 5 })).to.equal(
      [
        "https://vb365:4443 has 2 organizations; exported 1 new one with 0 jobs (5 requests after the login).",
        "Added to tenants.yaml:",
        "  + alpha (alpha.onmicrosoft.com)",
        "Already in tenants.yaml:",
        "  = fabrikam (fabrikam.onmicrosoft.com)",
        "Warning: echo.onmicrosoft.com: VB365 has it with basic authentication",
        "Next: read the comments in the new entries, then run pulumi preview, which shows what taking the organizations over would change.",
        "",
      ].join("\n"),
    );
  });
});
