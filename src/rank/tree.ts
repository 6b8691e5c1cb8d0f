/**
 * Themes with the ideas that serve them (`rank --tree`). A theme's support rolls up from its
 * whole subtree: its voters are everyone who backed it or anything under it, each once.
 */
import { combinedSupport, type CountedVote } from '../model/support.js';
import { compareIdeaAge, type RankedIdea } from './rank.js';

export interface RankNode {
  entry: RankedIdea;
  children: RankNode[];
  /** Support of the entry and everything under it; equal to its own for a leaf. */
  rolled: { votes: number; points: number };
}

/**
 * Nodes whose parent is not in `ranked` sit at the top. Top-level nodes are ordered by rolled-up
 * points, then voters, then the tie rule; children keep the model's order.
 */
export function buildRankTree(ranked: readonly RankedIdea[]): RankNode[] {
  const nodes = new Map<string, RankNode>();
  for (const entry of ranked)
    nodes.set(entry.idea.id, { entry, children: [], rolled: { votes: 0, points: 0 } });
  const roots: RankNode[] = [];
  for (const entry of ranked) {
    const node = nodes.get(entry.idea.id)!;
    const parent = entry.idea.parent === undefined ? undefined : nodes.get(entry.idea.parent);
    if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  for (const root of roots) rollUp(root);
  return roots.sort(
    (a, b) =>
      b.rolled.points - a.rolled.points ||
      b.rolled.votes - a.rolled.votes ||
      compareIdeaAge(a.entry.idea, b.entry.idea),
  );
}

/** Guards against a parent cycle (a validation error, but the ranking must not loop). */
function isAncestor(node: RankNode, of: RankNode, nodes: Map<string, RankNode>): boolean {
  const seen = new Set<string>();
  for (let at: RankNode | undefined = of; at;) {
    if (at === node) return true;
    const parent = at.entry.idea.parent;
    if (parent === undefined || seen.has(parent)) return false;
    seen.add(parent);
    at = nodes.get(parent);
  }
  return false;
}

/** Rolls each node's subtree up with the one support count (model/support.ts). */
function rollUp(node: RankNode): CountedVote[][] {
  const lists: CountedVote[][] = [node.entry.support];
  for (const child of node.children) lists.push(...rollUp(child));
  const { voters, points } = combinedSupport(lists);
  node.rolled = { votes: voters, points };
  return lists;
}
