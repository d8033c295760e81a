import * as pulumi from "@pulumi/pulumi";
import { NoopResource } from "../../../../provider/noop/resource";

const config = new pulumi.Config();
const noop = new NoopResource("noop", { value: config.get("value") ?? "first" });

export const value = noop.value;
