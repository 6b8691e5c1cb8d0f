import type { DemoOptions } from '../commands/demo.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString } from '../options.js';

function parseDemoOptions(options: RawOptions): DemoOptions {
  return { dir: optionalString(options, 'dir') };
}

export const demoSpec = defineCommand({
  usage: 'demo',
  summary: 'build a sample ideas repository in a temporary folder and rank it: start here',
  examples: ['ideas demo', 'ideas demo --dir ./northwind    # keep it somewhere you choose'],
  configure(command) {
    command.option(
      '--dir <dir>',
      'build it in this new or empty folder instead of a temporary one',
    );
  },
  parse: parseDemoOptions,
  load: () => import('../commands/demo.js'),
});
