import { defineCommand } from '../spec.js';
import { addAuthoringOptions, parseAuthoringFlags } from './authoring-options.js';

export const editSpec = defineCommand({
  usage: 'edit <id>',
  summary: 'edit an idea in $EDITOR; refuses what validate rejects; a new title renames the file',
  examples: [
    'ideas edit k7q3xj                       # opens ideas/k7q3xj-….md in $VISUAL or $EDITOR',
    'ideas edit k7q3xj --branch --push       # the edit as a pull request',
  ],
  configure(command) {
    addAuthoringOptions(command);
  },
  parse: parseAuthoringFlags,
  load: () => import('../commands/edit.js'),
});
