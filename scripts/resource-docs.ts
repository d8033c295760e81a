import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGUE } from "../provider/catalogue";
import { resourceDocs } from "../provider/common/definition-docs";

export const RESOURCE_DOCS_FILE = path.join(__dirname, "..", "docs", "resources.md");

// `npm run docs` writes docs/resources.md from the definitions; test/unit/resources/docs.test.ts
// fails while the committed file differs from what this renders.
if (require.main === module) fs.writeFileSync(RESOURCE_DOCS_FILE, resourceDocs(CATALOGUE));
