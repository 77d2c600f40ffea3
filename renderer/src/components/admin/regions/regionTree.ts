import type { RegionAdminNode } from '@core/api/regionTypes';

export interface TreeItem {
  id: string;
  node: RegionAdminNode;
  children: TreeItem[];
}

/** The flat rows as a tree, children by code (the code order is the survey's order). */
export function buildTree(nodes: readonly RegionAdminNode[]): TreeItem[] {
  const items = new Map(nodes.map((n) => [n.id, { id: n.id, node: n, children: [] as TreeItem[] }]));
  const roots: TreeItem[] = [];
  for (const item of [...items.values()].sort((a, b) => a.node.code.localeCompare(b.node.code))) {
    const parent = item.node.parentId ? items.get(item.node.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

/** Every descendant of a node (not the node itself). */
export function descendantsOf(nodes: readonly RegionAdminNode[], id: string): RegionAdminNode[] {
  const node = nodes.find((n) => n.id === id);
  if (!node) return [];
  return nodes.filter((n) => n.id !== id && n.code.startsWith(node.code) && n.code.length > node.code.length);
}
