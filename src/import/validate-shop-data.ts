/**
 * @module import/validate-shop-data
 * Validates records against `shop-data.schema.json` (JSON Schema 2020-12) and checks references
 * between files, reporting each problem with its file, index and field.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import schema from './shop-data.schema.json';
import type { ShopData } from '../core/shop';
import type { RawShopFile, ShopFile } from './read-shop-folder';

export interface ImportProblem {
  file: string;
  index?: number;
  line?: number;
  field?: string;
  message: string;
}

const DEF_OF: Record<ShopFile, string> = {
  products: 'product',
  customers: 'customer',
  orders: 'order',
  events: 'event',
  faq: 'faq',
  categories: 'category',
  brands: 'brand',
};

let validators: Record<ShopFile, ValidateFunction> | undefined;

function getValidators(): Record<ShopFile, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  const entries = Object.entries(DEF_OF).map(([kind, def]) => [
    kind,
    ajv.compile({ $ref: `shop-data.schema.json#/$defs/${def}` }),
  ]);
  validators = Object.fromEntries(entries) as Record<ShopFile, ValidateFunction>;
  return validators;
}

export function formatProblem(p: ImportProblem): string {
  const where = p.index !== undefined ? `[${p.index}]` : p.line !== undefined ? `:${p.line}` : '';
  const field = p.field ? ` ${p.field}` : '';
  return `${p.file}${where}${field}: ${p.message}`;
}

/** Schema check of every record, then duplicate ids and references between files. */
export function validateShopData(files: RawShopFile[]): { data: ShopData; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const data: Required<ShopData> = { products: [], customers: [], orders: [], events: [], faq: [], categories: [], brands: [] };
  const validate = getValidators();
  const location = new Map<unknown, { file: string; index: number }>();
  for (const f of files) {
    f.records.forEach((record, index) => {
      const check = validate[f.kind];
      if (!check(record)) {
        for (const e of check.errors ?? []) {
          const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined;
          const extra = e.keyword === 'required' ? ` (${(e.params as { missingProperty: string }).missingProperty})` : '';
          problems.push({ file: f.file, index, field, message: `${e.message ?? 'is invalid'}${extra}` });
        }
        return;
      }
      location.set(record, { file: f.file, index });
      (data[f.kind] as unknown[]).push(record);
    });
  }
  const ids = (kind: 'products' | 'customers' | 'orders' | 'faq' | 'categories' | 'brands'): Set<string> => {
    const field = kind === 'brands' ? 'name' : 'id';
    const seen = new Set<string>();
    for (const r of data[kind] as unknown as Record<string, unknown>[]) {
      const id = String(r[field]);
      if (seen.has(id)) {
        const at = location.get(r);
        problems.push({ file: at?.file ?? kind, index: at?.index, field, message: `duplicate ${field} "${id}"` });
      }
      seen.add(id);
    }
    return seen;
  };
  const productIds = ids('products');
  const customerIds = ids('customers');
  ids('orders');
  ids('faq');
  ids('categories');
  ids('brands');
  const importsProducts = files.some((f) => f.kind === 'products');
  const importsCustomers = files.some((f) => f.kind === 'customers');
  for (const order of data.orders) {
    const at = location.get(order);
    if (importsCustomers && !customerIds.has(order.customerId)) {
      problems.push({ file: at!.file, index: at!.index, field: 'customerId', message: `unknown customer "${order.customerId}"` });
    }
    order.items.forEach((item, i) => {
      if (importsProducts && !productIds.has(item.productId)) {
        problems.push({ file: at!.file, index: at!.index, field: `items.${i}.productId`, message: `unknown product "${item.productId}"` });
      }
    });
  }
  if (importsProducts) problems.push(...unknownNames(data, location));
  return { data, problems };
}

/** Categories and brands the imported products never use (a misspelt slug or brand). */
function unknownNames(data: Required<ShopData>, location: Map<unknown, { file: string; index: number }>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const slugs = new Set(data.products.map((p) => p.category));
  const brands = new Set(data.products.map((p) => p.brand));
  for (const c of data.categories) {
    const at = location.get(c)!;
    if (!slugs.has(c.id)) problems.push({ file: at.file, index: at.index, field: 'id', message: `no product has category "${c.id}"` });
  }
  for (const b of data.brands) {
    const at = location.get(b)!;
    if (!brands.has(b.name)) problems.push({ file: at.file, index: at.index, field: 'name', message: `no product has brand "${b.name}"` });
  }
  return problems;
}
