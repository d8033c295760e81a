import { type Alias, type Document, isAlias, isCollection, isPair, type Node, visit } from "yaml";

/**
 * The alias at which the yaml library's alias count passes `maxAliasCount`, for the message that
 * names its line. The library refuses the document; this only finds where. It counts as the
 * library does (toJS and Alias.resolve: the anchor itself and each use of it, times the expansion
 * the anchored node carries), in the order the library converts the document: the document's own.
 * Undefined when no alias passes the limit.
 */
export function aliasPastLimit(document: Document, maxAliasCount: number): Alias | undefined {
  // By name, the latest anchor visited: the one an alias met now resolves to.
  const anchored = new Map<string, Node>();
  const counts = new Map<Node, { count: number; aliasCount: number }>();
  const sourceOf = (alias: Alias) => anchored.get(alias.source);
  const expansion = (node: unknown): number => {
    if (isAlias(node)) {
      const data = counts.get(sourceOf(node) as Node);
      return data ? data.count * data.aliasCount : 0;
    }
    if (isPair(node)) return Math.max(expansion(node.key), expansion(node.value));
    if (isCollection(node)) return Math.max(0, ...node.items.map(expansion));
    return 1;
  };
  let found: Alias | undefined;
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        const source = sourceOf(node);
        const data = source && counts.get(source);
        if (!source || !data) return;
        data.count += 1;
        if (data.aliasCount === 0) data.aliasCount = expansion(source);
        if (data.count * data.aliasCount > maxAliasCount) {
          found = node;
          return visit.BREAK;
        }
      } else if (node.anchor) {
        anchored.set(node.anchor, node);
        counts.set(node, { count: 1, aliasCount: 0 });
      }
      return undefined;
    },
  });
  return found;
}
