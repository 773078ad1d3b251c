import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { storesContract } from './stores.contract';

storesContract('embedded (SQLite)', async () => openEmbeddedStores(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-contract-'))));
