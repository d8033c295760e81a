import * as crypto from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

// The floor's dynamic provider, which does nothing, and this module's whole exports: installed
// into the bench project's node_modules as vb365-bench-noop (bench/lib/consumer-project.ts), it is
// stored in each resource's state as `require("vb365-bench-noop")`, as pulumi-vb365's providers
// are stored as a require of their runtime module. Serialized by value it would put ~1.4 KB of
// code into every input and output, bytes ours does not carry, and flatter ours against the floor.
//
// What the certificate hands on is the state this product cannot avoid, given one of two ways:
// - `importPfxBase64`/`importPassword` (the tenants program's imported PFX): output as
//   pfxBase64/password, as TenantCertificate passes on the PFX it imports;
// - `pfxChars`/`passwordChars`: secrets of those lengths, made here (a generated certificate's).
// The organization's pfxBase64 and password are inputs only; without either way, the bare floor.
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const { pfxChars, passwordChars, importPfxBase64, importPassword, pfxBase64: _pfx, password: _password, ...kept } = inputs;
    const secrets = importPfxBase64
      ? { pfxBase64: importPfxBase64, password: importPassword }
      : pfxChars
        ? { pfxBase64: crypto.randomBytes(pfxChars).toString("base64").slice(0, pfxChars), password: "p".repeat(passwordChars) }
        : {};
    return { id: `${inputs.value}`, outs: { ...kept, ...secrets } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.value !== news.value };
  },
};

export = provider;
