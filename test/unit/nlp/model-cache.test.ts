import { cpSync, mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadOrTrainModel } from '../../../src/nlp/model-cache';
import { NluEngine } from '../../../src/nlp/nlu-engine';
import type { Product } from '../../../src/core/shop';
import products from '../../fixtures/nlp/products.json';
import { setPrintLine } from '../../../src/log';

function setup(): { intentsDir: string; dataDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'kefu-model-'));
  const intentsDir = join(root, 'intents');
  cpSync(join(__dirname, '../../fixtures/nlp/intents'), intentsDir, { recursive: true });
  return { intentsDir, dataDir: join(root, 'data') };
}

describe('loadOrTrainModel', () => {
  it('should train once, write the model, and load it the next time without training', () => {
    const { intentsDir, dataDir } = setup();
    const first = loadOrTrainModel({ intents: intentsDir, products: products as Product[], dataDir });
    const files = readdirSync(join(dataDir, 'models'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^nlu-[0-9a-f]{16}\.json$/);

    const train = jest.spyOn(NluEngine, 'train');
    const second = loadOrTrainModel({ intents: intentsDir, products: products as Product[], dataDir });
    expect(train).not.toHaveBeenCalled();
    train.mockRestore();
    expect(second.recognizeSync('我要取消订单')).toEqual(first.recognizeSync('我要取消订单'));
  });

  it('should retrain when the corpus or the catalogue changes', () => {
    const { intentsDir, dataDir } = setup();
    loadOrTrainModel({ intents: intentsDir, products: products as Product[], dataDir });
    const file = join(intentsDir, 'oos.en.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.data[0].utterances.push('sing me a song');
    writeFileSync(file, JSON.stringify(json));
    loadOrTrainModel({ intents: intentsDir, products: products as Product[], dataDir });
    loadOrTrainModel({ intents: intentsDir, products: (products as Product[]).slice(1), dataDir });
    expect(readdirSync(join(dataDir, 'models')).filter((f) => f.endsWith('.json'))).toHaveLength(3);
  });

  it('should retrain over a broken model file instead of failing', () => {
    const { intentsDir, dataDir } = setup();
    loadOrTrainModel({ intents: intentsDir, products: products as Product[], dataDir });
    const [name] = readdirSync(join(dataDir, 'models'));
    writeFileSync(join(dataDir, 'models', name!), '{ broken');
    const lines: string[] = [];
    setPrintLine((line) => lines.push(line));
    const engine = loadOrTrainModel({ intents: intentsDir, products: products as Product[], dataDir });
    setPrintLine((line) => process.stderr.write(line + '\n'));
    expect(lines.some((l) => l.includes('cannot read cached nlu model'))).toBe(true);
    expect(engine.recognizeSync('hello').topIntent.name).toBe('smalltalk.greeting');
    expect(() => JSON.parse(readFileSync(join(dataDir, 'models', name!), 'utf8'))).not.toThrow();
  });
});
