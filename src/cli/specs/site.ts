import { defineCommand, type RawOptions } from '../spec.js';
import type { SiteOptions } from '../commands/site.js';
import { optionalString } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseSiteOptions(options: RawOptions): SiteOptions {
  return {
    ...parseReadFlags(options),
    out: optionalString(options, 'out'),
    at: optionalString(options, 'at'),
    forgeUrl: optionalString(options, 'forgeUrl'),
    branch: optionalString(options, 'branch'),
  };
}

export const siteSpec = defineCommand({
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
      .option(
        '--forge-url <url>',
        'the repository on GitHub or GitLab the forms open (default: from the remote)',
      )
      .option('--branch <name>', 'the branch pull requests go into (default: the default branch)');
    addReadOptions(command);
  },
  parse: parseSiteOptions,
  load: () => import('../commands/site.js'),
});
