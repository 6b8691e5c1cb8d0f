/**
 * What `new`, `vote` and `review` print once they have written: the path, the branch and the
 * pull-request URL, or one JSON object (`--format json`).
 */

/** The version of the writers' JSON shape: raised when a key changes meaning or goes. */
export const OUTCOME_JSON_SCHEMA = 1;

export interface OutcomeView {
  /** Root-relative paths written, already as the user should see them. */
  shown: string[];
  branch?: string | undefined;
  url?: string | undefined;
  /** The default branch the new branch starts from. */
  baseName?: string | undefined;
  pushed: boolean;
  /** `wrote`, `updated` or `removed`. */
  verb: string;
}

/** `fields` are the command's own: `{id, path}`, plus `status` or `retracted`. */
export function formatOutcomeJson(
  fields: Record<string, string | boolean>,
  outcome: { branch?: string | undefined; url?: string | undefined },
): string {
  return `${JSON.stringify({
    schema: OUTCOME_JSON_SCHEMA,
    ...fields,
    ...(outcome.branch ? { branch: outcome.branch } : {}),
    ...(outcome.url ? { url: outcome.url } : {}),
  })}\n`;
}

export function formatOutcomeText(view: OutcomeView): string {
  const shown = view.shown.join(', ');
  if (!view.branch) return `${view.verb} ${shown}\n`;
  const lines = [
    `${view.verb === 'removed' ? 'committed the removal of' : 'committed'} ${shown} on the branch ${view.branch} (from ${view.baseName ?? 'main'})`,
  ];
  if (!view.pushed) lines.push(`push it when ready: git push -u origin ${view.branch}`);
  else if (view.url) lines.push(`open the pull request: ${view.url}`);
  else lines.push(`pushed; open a pull request for ${view.branch} on your forge`);
  return `${lines.join('\n')}\n`;
}
