/**
 * @module services/catalog/localized-values
 * Every language's text of a localised value (a product is found by its name in any language).
 */
import type { Localized } from '../../core/shop';

/** @example localizedValues({ zh: '耳机', en: 'Headphones' }) // ['耳机', 'Headphones'] */
export function localizedValues(value: Localized | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value ? [value] : [];
  return Object.values(value).filter((v) => typeof v === 'string' && v.length > 0);
}
