import type { NewOptions } from '../commands/new.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { flag, optionalString, stringList } from '../options.js';
import { addAuthoringOptions, collect, parseAuthoringFlags } from './authoring-options.js';
import { parseVoteOptions } from './vote.js';

async function parseNewOptions(options: RawOptions): Promise<NewOptions> {
  return {
    ...parseAuthoringFlags(options),
    title: optionalString(options, 'title'),
    team: optionalString(options, 'team'),
    tag: stringList(options, 'tag'),
    parent: optionalString(options, 'parent'),
    campaign: optionalString(options, 'campaign'),
    theme: flag(options, 'theme'),
    bodyFile: optionalString(options, 'bodyFile'),
    estimate: await estimateFlags(options),
    fromJson: optionalString(options, 'fromJson'),
    yes: flag(options, 'yes'),
    vote: parseVoteOptions(options),
  };
}

// The estimates' bounds are the idea schema's: loaded only when the flag is given, not at start-up.
async function estimateFlags(options: RawOptions) {
  const pairs = stringList(options, 'estimate');
  if (pairs === undefined) return undefined;
  const { parseEstimateFlags } = await import('../estimates.js');
  return parseEstimateFlags(pairs);
}

export const newSpec = defineCommand({
  usage: 'new',
  summary: 'write a new idea: asks for what it needs, warns about similar ideas',
  examples: [
    'ideas new                                   # asks every question',
    'ideas new --title "Offer overnight shipping" --team sales --tag logistics --body-file idea.md',
    'ideas new --from-json idea.json --yes       # unattended: the whole idea as JSON',
    'ideas new --estimate reach=4000 --estimate impact=2 --estimate confidence=0.8 --estimate effort=3',
    'ideas new --branch --push                   # commit on idea/<id>-<slug>, push, print the PR URL',
  ],
  configure(command) {
    command
      .option('--title <text>', 'the idea in a few words')
      .option('--team <team>', 'the team it comes from (a team in ideas.config.yaml)')
      .option('--tag <tag>', 'a tag (repeat for more)', collect)
      .option('--parent <id>', 'the theme this idea serves')
      .option('--campaign <name>', 'the campaign it answers')
      .option('--theme', 'write a theme (groups ideas) rather than an idea')
      .option(
        '--body-file <file>',
        'the Markdown body with every section of the template (- for stdin)',
      )
      .option(
        '--estimate <name=number>',
        'an input to ranking, e.g. reach=4000 (repeat for each; asked when the ranking model reads it)',
        collect,
      )
      .option(
        '--from-json <file>',
        'the whole idea as JSON (- for stdin): {title, team, tags, parent, campaign, kind, estimates, body | sections}',
      )
      .option('-y, --yes', 'ask nothing optional, and write even when similar ideas exist');
    addAuthoringOptions(command);
  },
  parse: parseNewOptions,
  load: () => import('../commands/new.js'),
});
