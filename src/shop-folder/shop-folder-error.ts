/**
 * @module shop-folder/shop-folder-error
 * A shop folder that cannot be used: which folder (or file), and why.
 */

export class ShopFolderError extends Error {
  override readonly name = 'ShopFolderError';

  /**
   * @example throw new ShopFolderError('/srv/my-shop', 'does not exist')
   */
  constructor(
    readonly where: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`shop folder ${where}: ${problem}`, options);
  }
}
