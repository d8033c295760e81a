// The floor's provider as the bench project installs it (bench/consumer/noop-provider.ts).
declare module "vb365-bench-noop" {
  import type * as pulumi from "@pulumi/pulumi";
  const provider: pulumi.dynamic.ResourceProvider;
  export = provider;
}
