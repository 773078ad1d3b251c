/**
 * @module import/import-shop
 * `kefu import FOLDER`: read, validate everything, then write all or nothing.
 */
import type { ImportSummary, ShopRepository } from '../core/shop-repository';
import { AppError, ErrorCodes } from '../errors';
import { readShopFolder } from './read-shop-folder';
import { formatProblem, validateShopData, type ImportProblem } from './validate-shop-data';

export class ImportError extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = problems.length > 50 ? `\n… and ${problems.length - 50} more` : '';
    super(ErrorCodes.importInvalid, `import refused, nothing was written (${problems.length} problem(s)):\n${shown.join('\n')}${more}`);
  }
}

/**
 * @example await importShopFolder('shops/demo/knowledge', stores.shop)
 * @throws ImportError listing every problem; nothing is written then.
 */
export async function importShopFolder(folder: string, repository: ShopRepository): Promise<ImportSummary> {
  const read = readShopFolder(folder);
  const { data, problems } = validateShopData(read.files);
  const all = [...read.problems, ...problems];
  if (all.length > 0) throw new ImportError(all);
  return repository.importShop(data);
}
