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
  const data: ShopData = { products: [], customers: [], orders: [], events: [], faq: [] };
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
  const ids = (kind: 'products' | 'customers' | 'orders' | 'faq'): Set<string> => {
    const seen = new Set<string>();
    for (const r of data[kind]) {
      if (seen.has(r.id)) {
        const at = location.get(r);
        problems.push({ file: at?.file ?? kind, index: at?.index, field: 'id', message: `duplicate id "${r.id}"` });
      }
      seen.add(r.id);
    }
    return seen;
  };
  const productIds = ids('products');
  const customerIds = ids('customers');
  ids('orders');
  ids('faq');
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
  return { data, problems };
}
