/**
 * @module dialogs/order/order-id-pattern
 * What an order number looks like, learned from the shop's own order ids (`DD20261101008`,
 * `BK2026110501`, `SO-2026-000123`…), plus a generic shape (two letters and 8–14 digits).
 * Shapes shorter than 8 characters are not learned: they would swallow the four digits of a
 * verification answer.
 */
const GENERIC = '[A-Za-z]{2}\\d{8,14}';
const MIN_LENGTH = 8;
const MAX_SHAPES = 12;

/** "SO-2026-000123" → "[A-Za-z]{2}\-\d{4}\-\d{6}" */
function shapeOf(id: string): string {
  return id.replace(/[A-Za-z]+|\d+|[^A-Za-z\d]/g, (run) =>
    /[A-Za-z]/.test(run) ? `[A-Za-z]{${run.length}}` : /\d/.test(run) ? `\\d{${run.length}}` : run.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
  );
}

export class OrderIdPattern {
  private constructor(
    private readonly regex: RegExp,
    private readonly upperCase: boolean,
  ) {}

  /** @example OrderIdPattern.learn(['BK2026110501']).find('查一下bk2026110501') // 'BK2026110501' */
  static learn(sampleIds: readonly string[]): OrderIdPattern {
    const usable = sampleIds.filter((id) => id.length >= MIN_LENGTH && /\d/.test(id) && !/\s/.test(id));
    const shapes = [...new Set(usable.map(shapeOf))].slice(0, MAX_SHAPES);
    const body = [...shapes, GENERIC].join('|');
    const upperCase = usable.every((id) => id === id.toUpperCase());
    return new OrderIdPattern(new RegExp(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`), upperCase);
  }

  find(text: string): string | undefined {
    const found = text.match(this.regex)?.[0];
    return found && this.upperCase ? found.toUpperCase() : found;
  }
}
