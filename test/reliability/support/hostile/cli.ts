import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../../../cli/main";
import { aliasBomb, largeTenantsFile } from "../../../helpers/hostile-yaml";
import { capturedIo } from "../../../helpers/captured-io";
import type { HostileCase, HostileOutcome } from "./case";

const AREA = "CLI";
/** The VB365 password the process knows (VB365_PASSWORD): no output may carry it. */
const PASSWORD = "Adm1n-password-of-the-cli-case";
/** Nothing listens there: a refusal that did not come first would end as a connection error, not exit code 2. */
const NOWHERE = ["--url", "https://127.0.0.1:9", "--username", "admin"];

interface Workspace {
  dir: string;
  /** Every invocation of the stand-in `pulumi` on PATH, one line each. */
  pulumiCalls: string;
}

/** A directory with a stand-in `pulumi` that records its calls and fails, so that nothing can be written anywhere. */
function workspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-hostile-cli-"));
  const pulumiCalls = path.join(dir, "pulumi-calls");
  fs.mkdirSync(path.join(dir, "bin"));
  fs.writeFileSync(path.join(dir, "bin", "pulumi"), `#!/bin/sh\necho "$*" >> "${pulumiCalls}"\nexit 1\n`, { mode: 0o755 });
  return { dir, pulumiCalls };
}

/** `vb365 <argv>` in this process, in `dir`, with the password in its environment. */
async function vb365(argv: readonly string[], { dir }: Workspace): Promise<{ code: number; output: string }> {
  const env = { PATH: `${path.join(dir, "bin")}:${process.env.PATH ?? ""}`, HOME: dir, PULUMI_HOME: path.join(dir, ".pulumi"), VB365_PASSWORD: PASSWORD };
  const io = capturedIo(env, dir);
  const code = await main(argv, io);
  return { code, output: io.out() + io.err() };
}

/** The password in any spelling an error could carry it in: as it is, JSON-escaped, in another case. */
function leaked(output: string): string[] {
  const folded = output.toLowerCase();
  return [PASSWORD, JSON.stringify(PASSWORD).slice(1, -1)].some((spelling) => folded.includes(spelling.toLowerCase())) ? ["VB365 password"] : [];
}

/**
 * Runs the command and judges it: refused means exit code 2 with a message that says what is
 * wrong; left behind is any call of pulumi (a config written) and any file the command added or
 * changed in its directory.
 */
async function attempt(argv: (ws: Workspace) => readonly string[], says: RegExp, files: Record<string, string> = {}): Promise<HostileOutcome> {
  const ws = workspace();
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(ws.dir, name), text);
    const before = new Set(fs.readdirSync(ws.dir));
    const { code, output } = await vb365(argv(ws), ws);
    const halfCreated = [
      ...(fs.existsSync(ws.pulumiCalls) ? fs.readFileSync(ws.pulumiCalls, "utf8").trim().split("\n").map((call) => `pulumi ${call}`) : []),
      ...fs.readdirSync(ws.dir).filter((name) => !before.has(name)),
      ...Object.entries(files)
        .filter(([name, text]) => fs.readFileSync(path.join(ws.dir, name), "utf8") !== text)
        .map(([name]) => `${name} changed`),
    ];
    return { refused: code === 2 && says.test(output), message: `exit code ${code}: ${output.trim()}`, leaked: leaked(output), halfCreated };
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

function deviceCode(configKey: readonly string[]): (ws: Workspace) => readonly string[] {
  return () => ["device-code", ...NOWHERE, "--stack", "prod", ...configKey];
}

function tenantsExport(file: string): (ws: Workspace) => readonly string[] {
  return () => ["tenants", "export", ...NOWHERE, "--file", file];
}

/** Hostile inputs of the CLI: config keys that reach the connection's secrets or pass for flags, and tenants files made to hurt the reader. */
export function cliCases(): HostileCase[] {
  // Made here, before any case runs: a case times the CLI, not the making of its input.
  const large = largeTenantsFile(20 * 1024 * 1024);
  return [
    {
      id: "device-code --config-key vb365:password: refused before Pulumi or VB365 is asked, the password untouched",
      area: AREA,
      run: () => attempt(deviceCode(["--config-key", "vb365:password"]), /--config-key "vb365:password" is in the vb365: namespace/),
    },
    {
      id: "device-code --config-key vb365:config:password (Pulumi's old spelling of the same key): refused",
      area: AREA,
      run: () => attempt(deviceCode(["--config-key", "vb365:config:password"]), /--config-key "vb365:config:password" has more than one ":"/),
    },
    {
      id: "device-code --config-key -s (a flag where the key belongs): refused",
      area: AREA,
      run: () => attempt(deviceCode(["--config-key", "-s"]), /'--config-key' argument is ambiguous/),
    },
    {
      id: "device-code --config-key=-s (a key that pulumi config set would read as a flag): refused",
      area: AREA,
      run: () => attempt(deviceCode(["--config-key=-s"]), /--config-key "-s" starts with "-", so it would be taken for a flag/),
    },
    {
      id: 'device-code --config-key "a b" (white space in the key): refused',
      area: AREA,
      run: () => attempt(deviceCode(["--config-key", "a b"]), /--config-key "a b" has characters a config key cannot have/),
    },
    {
      id: "tenants export --file with an alias bomb: refused as bad input naming the file, the line and the alias",
      area: AREA,
      run: () => attempt(tenantsExport("bomb.yaml"), /--file bomb\.yaml cannot be added to: it has aliases that expand too far \(line 10, column 12: the alias \*c /, { "bomb.yaml": aliasBomb() }),
    },
    {
      id: "tenants export --file of 20 MB: refused before it is parsed",
      area: AREA,
      run: () => attempt(tenantsExport("large.yaml"), /--file large\.yaml cannot be added to: it is 20\.0 MiB, more than the 16\.0 MiB/, { "large.yaml": large }),
    },
    {
      id: "tenants export --file with malformed YAML: refused naming the file and the line",
      area: AREA,
      run: () =>
        attempt(tenantsExport("broken.yaml"), /--file broken\.yaml cannot be added to: it is not valid YAML \(line 3, column \d+: /, {
          "broken.yaml": "tenants:\n  - name: contoso\n   organization: [unclosed\n",
        }),
    },
    {
      id: "tenants export --file with a key given twice: refused naming the line",
      area: AREA,
      run: () =>
        attempt(tenantsExport("twice.yaml"), /--file twice\.yaml cannot be added to: it is not valid YAML \(line 4, column 5: Map keys must be unique/, {
          "twice.yaml": "tenants:\n  - name: contoso\n    organization: contoso.onmicrosoft.com\n    organization: fabrikam.onmicrosoft.com\n",
        }),
    },
  ];
}
