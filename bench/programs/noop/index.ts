import * as pulumi from "@pulumi/pulumi";
import { NoopResource } from "../../../provider/noop/resource";

// Two resources per tenant, like the real program (a certificate and an organization).
const count = new pulumi.Config().requireNumber("count");
for (let i = 0; i < count; i++) {
  new NoopResource(`certificate${i}`, { value: `tenant${i}` });
  new NoopResource(`organization${i}`, { value: `tenant${i}` });
}
