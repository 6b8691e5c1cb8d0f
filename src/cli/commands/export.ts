/** `ideas export`: the whole repository as one document on stdout. */
import { buildExport, exportCsv, exportJsonPieces } from '../../export/export.js';
import { outInSlices } from '../out-slices.js';
import { ExitCode } from '../../errors.js';
import { loadRepository } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';
import type { EXPORT_FORMATS } from '../choices.js';

export interface ExportOptions extends ReadFlags {
  format: (typeof EXPORT_FORMATS)[number];
}

export const run: CommandHandler<ExportOptions> = async (ctx, _args, options) => {
  const { repo } = await loadRepository(ctx, options);
  const doc = buildExport(repo);
  outInSlices(ctx, options.format === 'csv' ? [exportCsv(doc)] : exportJsonPieces(doc));
  return ExitCode.ok;
};
