// Loaded before every unit test (.mocharc.json): commands that keep a cache in the user's cache
// folder (`windows`) keep it in a temporary one instead, removed at the end.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-test-cache-'));
process.env.GUARDRAILS_CACHE_DIR = dir;
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
