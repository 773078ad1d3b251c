import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { staffStoresContract } from './staff-stores.contract';
import { storesContract } from './stores.contract';

const open = async () => openEmbeddedStores(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-contract-')));
storesContract('embedded (SQLite)', open);
staffStoresContract('embedded (SQLite)', open);
