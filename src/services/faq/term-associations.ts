/**
 * @module services/faq/term-associations
 * Learned feature associations (see `train-term-associations.ts`): for a feature, the features
 * that stand in for it in paraphrases, with a weight in (0, 1]. The shipped table is read once
 * from `models/faq-associations-zh.json` (three folders up from here under ts-jest and when built).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface TermAssociationsJSON {
  source: string;
  pairs: number;
  /** feature → [associated feature, weight] strongest first */
  associations: Record<string, [string, number][]>;
}

export const SHIPPED_ASSOCIATIONS = path.resolve(__dirname, '..', '..', '..', 'models', 'faq-associations-zh.json');

export class TermAssociations {
  private readonly table: Map<string, readonly [string, number][]>;

  constructor(json: TermAssociationsJSON) {
    this.table = new Map(Object.entries(json.associations));
  }

  /** The features associated with `feature`, strongest first. */
  of(feature: string): readonly [string, number][] {
    return this.table.get(feature) ?? [];
  }

  get size(): number {
    return this.table.size;
  }
}

let shipped: TermAssociations | undefined;

/** The shipped table, read once. A missing file is a packaging error and says how to rebuild it. */
export function shippedAssociations(): TermAssociations {
  if (!shipped) {
    try {
      shipped = new TermAssociations(JSON.parse(fs.readFileSync(SHIPPED_ASSOCIATIONS, 'utf8')) as TermAssociationsJSON);
    } catch (err) {
      throw new Error(`cannot read the FAQ associations ${SHIPPED_ASSOCIATIONS} (${(err as Error).message}); run npm run train:faq`, { cause: err });
    }
  }
  return shipped;
}
