import type { CommandSpec, CommandOptions } from '../spec.js';
import { addReadOptions } from './filters.js';

/** The flags of `ideas site`, read once into a typed value. */
export interface SiteOptions {
  out: string | undefined;
  at: string | undefined;
  ref: string | undefined;
  root: string | undefined;
  forgeUrl: string | undefined;
  branch: string | undefined;
}

export function readSiteOptions(options: CommandOptions): SiteOptions {
  const text = (key: string) => (typeof options[key] === 'string' ? options[key] : undefined);
  return {
    out: text('out'),
    at: text('at'),
    ref: text('ref'),
    root: text('root'),
    forgeUrl: text('forgeUrl'),
    branch: text('branch'),
  };
}

export const siteSpec: CommandSpec = {
  usage: 'site',
  summary:
    'a static site for everyone: browse, search, and vote or propose through the forge (a pull request)',
  examples: [
    'ideas site                                   # into _site/, ready for GitHub or GitLab Pages',
    'ideas site --out public --ref origin/main',
    'ideas site --forge-url https://github.com/acme/ideas   # when the remote is not the forge',
  ],
  configure(command) {
    command
      .option('--out <dir>', 'the folder to write (default: _site in the ideas root)')
      .option('--at <date>', 'the repository as it stood on YYYY-MM-DD, read from git history')
      .option(
        '--forge-url <url>',
        'the repository on GitHub or GitLab the forms open (default: from the remote)',
      )
      .option('--branch <name>', 'the branch pull requests go into (default: the default branch)');
    addReadOptions(command);
  },
  load: () => import('../commands/site.js'),
};
