/**
 * The contract every store adapter passes (botbuilder's storageBaseTests, hono's common.case):
 * call `storesContract(name, open)` from one 8-line test file per adapter. It runs one suite per
 * port (`*.contract.ts` beside it), then the shop and orders below.
 */
import type { ShopData } from '../../src/core/shop';
import type { Stores } from '../../src/core/stores';
import { conversationStoreContract } from './conversation-store.contract';
import { dialogStateContract } from './dialog-state.contract';
import { handoffQueueContract } from './handoff-queue.contract';
import { retentionContract } from './retention.contract';
import { transcriptAppenderContract } from './transcript-appender.contract';
import { transcriptReaderContract } from './transcript-reader.contract';
import { transcriptScannerContract } from './transcript-scanner.contract';
import { turnStoreContract } from './turn-store.contract';
import { unansweredFinderContract } from './unanswered-finder.contract';

const tinyShop = (): ShopData => ({
  products: [{ id: 'p1', title: { zh: '手机', en: 'Phone' }, category: 'phones', price: 1999, currency: 'CNY', stock: 3 }],
  customers: [{ id: 'c1', phone: '138 0000 1234', email: 'a@example.com' }],
  orders: [{ id: 'DD20260101001', customerId: 'c1', status: 'paid', items: [{ productId: 'p1', quantity: 1 }], createdAt: '2026-01-01T10:00:00+08:00' }],
  events: [{ customerId: 'c1', productId: 'p1', type: 'view', at: '2026-01-01T09:00:00+08:00' }],
  faq: [{ id: 'f1', questions: { zh: ['包邮吗'], en: ['free shipping?'] }, answer: { zh: '满99包邮', en: 'Free over 99' } }],
});

export function storesContract(name: string, open: () => Promise<Stores>): void {
  dialogStateContract(name, open);
  transcriptAppenderContract(name, open);
  transcriptReaderContract(name, open);
  transcriptScannerContract(name, open);
  unansweredFinderContract(name, open);
  retentionContract(name, open);
  conversationStoreContract(name, open);
  handoffQueueContract(name, open);
  turnStoreContract(name, open);
  describe(`${name} stores (contract)`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await open();
    });
    afterEach(async () => stores.close());

    describe('ShopRepository and OrderRepository', () => {
      it('should import idempotently and read the shop back', async () => {
        expect(await stores.shop.hasData()).toBe(false);
        await stores.shop.importShop(tinyShop());
        await stores.shop.importShop(tinyShop());
        const shop = await stores.shop.loadShop();
        expect(shop.products).toHaveLength(1);
        expect(shop.events).toHaveLength(1);
        expect(shop.faq).toHaveLength(1);
        expect(await stores.shop.hasData()).toBe(true);
        const changed = tinyShop();
        changed.products[0].price = 1799;
        await stores.shop.importShop(changed);
        expect((await stores.shop.loadShop()).products[0].price).toBe(1799);
      });

      it('should write an import all or nothing when a record fails in the store', async () => {
        const broken = tinyShop();
        // Past validation, but the store refuses it (no customer id): nothing of the import stays.
        broken.orders.push({ ...broken.orders[0], id: 'DD20260101002', customerId: undefined as unknown as string });
        // Compared by hand, not with toThrow: better-sqlite3's native addon keeps the error class of
        // the first test file that loaded it in a jest worker, so its errors may come from another realm.
        const refused = await stores.shop.importShop(broken).then(() => false, () => true);
        expect(refused).toBe(true);
        expect(await stores.shop.hasData()).toBe(false);
        expect((await stores.shop.loadShop()).products).toEqual([]);
        expect(await stores.orders.getOrder('DD20260101001')).toBeNull();
      });

      it('should bump the shop data version with every import written, and not with a refused one', async () => {
        expect(await stores.shop.dataVersion()).toBe(0);
        await stores.shop.importShop(tinyShop());
        expect(await stores.shop.dataVersion()).toBe(1);
        const changed = tinyShop();
        changed.products[0].price = 1799;
        await stores.shop.importShop(changed);
        expect(await stores.shop.dataVersion()).toBe(2);
        const broken = tinyShop();
        broken.orders.push({ ...broken.orders[0], id: 'DD20260101002', customerId: undefined as unknown as string });
        expect(await stores.shop.importShop(broken).then(() => false, () => true)).toBe(true);
        expect(await stores.shop.dataVersion()).toBe(2);
        // Other writes (a conversation's turn) leave it alone.
        await stores.conversations.create({ id: 'v', channel: 'socketio', customerId: null, locale: 'zh' });
        expect(await stores.shop.dataVersion()).toBe(2);
      });

      it('should change an order only from an allowed status', async () => {
        await stores.shop.importShop(tinyShop());
        const action = { kind: 'cancel' as const, actor: 'c1' };
        const cancelled = await stores.orders.change({ orderId: 'DD20260101001', fromStatuses: ['pending', 'paid'], status: 'cancelled', action });
        expect(cancelled?.status).toBe('cancelled');
        expect(await stores.orders.change({ orderId: 'DD20260101001', fromStatuses: ['pending', 'paid'], status: 'cancelled', action })).toBeNull();
        expect(await stores.orders.change({ orderId: 'nope', fromStatuses: ['paid'], status: 'cancelled', action })).toBeNull();
        expect((await stores.orders.getOrder('DD20260101001'))?.status).toBe('cancelled');
        expect((await stores.orders.listByCustomer('c1', 5)).map((o) => o.id)).toEqual(['DD20260101001']);
        expect((await stores.orders.getCustomer('c1'))?.phone).toBe('138 0000 1234');
        expect(await stores.orders.sampleIds(10)).toEqual(['DD20260101001']);
      });
    });
  });
}
