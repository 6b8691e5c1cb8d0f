import type { DemoOptions } from '../commands/demo.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { cacheFlag, optionalString } from '../options.js';
import { cacheOption } from './filters.js';

function parseDemoOptions(options: RawOptions): DemoOptions {
  return { dir: optionalString(options, 'dir'), ...cacheFlag(options) };
}

export const demoSpec = defineCommand({
  usage: 'demo',
  summary: 'build a sample ideas repository in a temporary folder and rank it: start here',
  examples: [
    'ideas demo',
    'ideas demo --dir ./northwind    # keep it somewhere you choose',
    'ideas demo --no-cache           # write no cache into the sample repository',
  ],
  configure(command) {
    command
      .option('--dir <dir>', 'build it in this new or empty folder instead of a temporary one')
      .addOption(cacheOption());
  },
  parse: parseDemoOptions,
  load: () => import('../commands/demo.js'),
});
