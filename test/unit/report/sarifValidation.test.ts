// The SARIF that `check --format sarif` writes, validated by Microsoft's SARIF Multitool against the
// SARIF 2.1.0 schema and its rules (installed from npm; nothing is fetched at test time).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

const MULTITOOL = path.join(REPO_ROOT, 'node_modules', '.bin', 'sarif-multitool');

/** Warnings we accept, and why: Guardrails has no public home page to give as `informationUri`. */
const ACCEPTED = new Set(['SARIF2005']);

describe('SARIF output against the SARIF 2.1.0 schema (SARIF Multitool)', function () {
  this.timeout(60_000);

  for (const baselined of [false, true]) {
    it(`is valid for the example shop${baselined ? ' with a baseline (baselineState)' : ''}, with no errors and no warnings but the accepted ones`, async function () {
      if (!fs.existsSync(MULTITOOL)) this.skip();
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-sarif-'));
      try {
        const dir = path.join(scratch, 'shop');
        fs.cpSync(path.join(REPO_ROOT, 'examples', 'shop'), dir, { recursive: true });
        if (baselined) assert.equal((await runCliCapture(['check', dir, '--update-baseline'], scratch)).code, 0);
        const run = await runCliCapture(['check', dir, '--format', 'sarif', '--today', '2026-11-27'], scratch);
        const log = path.join(scratch, 'check.sarif');
        fs.writeFileSync(log, run.stdout);
        const validated = spawnSync(MULTITOOL, ['validate', log, '--output', path.join(scratch, 'validation.sarif'), '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 50_000 });
        assert.equal(validated.status, 0, validated.stdout + validated.stderr);
        const findings = [...validated.stdout.matchAll(/: (error|warning) (SARIF\d+|JSON\d+): (.*)$/gm)].map((m) => ({ level: m[1], rule: m[2], text: m[3] }));
        assert.deepEqual(findings.filter((finding) => finding.level === 'error'), [], 'schema or SARIF errors');
        assert.deepEqual(findings.filter((finding) => !ACCEPTED.has(finding.rule)), []);
        assert.ok(JSON.parse(run.stdout).runs[0].results.length > 0, 'the log has results to validate');
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    });
  }
});
