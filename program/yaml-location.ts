import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";

/**
 * The line in the YAML text of the value at `path`: the key's line for a mapping entry (an
 * unknown field, a field with a bad value), or the deepest existing parent's line for a field
 * that is missing. Undefined when the path leads nowhere in the text (an empty document).
 */
export function lineOf(document: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  let node: unknown = document.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) break;
      found = isNode(pair.key) ? pair.key : found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (!isNode(node)) break;
      found = node;
    } else break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
