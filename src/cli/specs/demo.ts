import type { CommandSpec } from '../spec.js';

export const demoSpec: CommandSpec = {
  usage: 'demo',
  summary: 'build a sample ideas repository in a temporary folder and rank it: start here',
  examples: ['ideas demo', 'ideas demo --dir ./northwind    # keep it somewhere you choose'],
  configure(command) {
    command.option(
      '--dir <dir>',
      'build it in this new or empty folder instead of a temporary one',
    );
  },
  load: () => import('../commands/demo.js'),
};
