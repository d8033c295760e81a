import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import provider = require("vb365-bench-noop");

// The engine's floor: the tenants program's resources (a certificate and an organization per
// tenant, the organization depending on the certificate, named from `offset` on) of a dynamic
// provider that does nothing (bench/consumer/noop-provider.ts). With `pfxFile`, the file the
// tenants program imports from, the certificate takes the same PFX and password as secret inputs
// and outputs them, and the organization takes both: the same bytes as ours, no work done on them.
// With `pfxChars`/`passwordChars`, a generated certificate's secrets instead; with neither, bare.

interface NoopArgs {
  value: string;
  pfxChars?: number;
  passwordChars?: number;
  importPfxBase64?: pulumi.Input<string>;
  importPassword?: pulumi.Input<string>;
  pfxBase64?: pulumi.Input<string | undefined>;
  password?: pulumi.Input<string | undefined>;
}

class Noop extends pulumi.dynamic.Resource {
  declare readonly pfxBase64: pulumi.Output<string | undefined>;
  declare readonly password: pulumi.Output<string | undefined>;
  constructor(name: string, args: NoopArgs) {
    super(provider, name, { pfxBase64: undefined, password: undefined, ...args }, { additionalSecretOutputs: ["pfxBase64", "password"] }, "bench", "Noop");
  }
}

const config = new pulumi.Config();
const count = config.requireNumber("count");
const offset = config.getNumber("offset") ?? 0;
const pfxFile = config.get("pfxFile");
const pfxs: Array<{ pfxBase64: string; password: string }> = pfxFile ? JSON.parse(fs.readFileSync(pfxFile, "utf8")) : [];
const pfxChars = config.getNumber("pfxChars");
const passwordChars = config.getNumber("passwordChars");
for (let i = offset; i < offset + count; i++) {
  const pfx = pfxs.length > 0 ? pfxs[i % pfxs.length] : undefined;
  const payload = pfx
    ? { importPfxBase64: pulumi.secret(pfx.pfxBase64), importPassword: pulumi.secret(pfx.password) }
    : pfxChars
      ? { pfxChars, passwordChars }
      : {};
  const certificate = new Noop(`certificate${i}`, { value: `certificate${i}`, ...payload });
  new Noop(`organization${i}`, { value: `organization${i}`, pfxBase64: certificate.pfxBase64, password: certificate.password });
}
