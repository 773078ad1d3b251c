/** The contract of the dialog-state port (botbuilder `Storage`: read, write with eTags, delete). */
import { freshStores, type OpenStores } from './contract-stores';

export function dialogStateContract(name: string, open: OpenStores): void {
  describe(`${name} Storage (dialog state) contract`, () => {
    const current = freshStores(open);

    it('should read back what was written, with an eTag', async () => {
      const stores = current();
      await stores.state.write({ k: { n: 1 } });
      const items = await stores.state.read(['k', 'missing']);
      expect(items.k).toMatchObject({ n: 1 });
      expect(typeof items.k.eTag).toBe('string');
      expect(items.missing).toBeUndefined();
    });

    it('should fail a write with a stale eTag and let "*" overwrite', async () => {
      const stores = current();
      await stores.state.write({ k: { n: 1 } });
      const first = (await stores.state.read(['k'])).k;
      await stores.state.write({ k: { ...first, n: 2 } });
      await expect(stores.state.write({ k: { ...first, n: 3 } })).rejects.toThrow(/eTag/);
      expect((await stores.state.read(['k'])).k.n).toBe(2);
      await stores.state.write({ k: { n: 4, eTag: '*' } });
      expect((await stores.state.read(['k'])).k.n).toBe(4);
    });

    it('should write a batch all or nothing', async () => {
      const stores = current();
      await stores.state.write({ a: { n: 1 }, b: { n: 1 } });
      const { a } = await stores.state.read(['a']);
      await stores.state.write({ a: { ...a, n: 2 } });
      await expect(stores.state.write({ b: { n: 9 }, a: { ...a, n: 3 } })).rejects.toThrow();
      expect((await stores.state.read(['b'])).b.n).toBe(1);
    });

    it('should delete', async () => {
      const stores = current();
      await stores.state.write({ k: { n: 1 } });
      await stores.state.delete(['k']);
      expect(await stores.state.read(['k'])).toEqual({});
    });
  });
}
