import * as assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../../src/core/util/didYouMean';

describe('didYouMean', () => {
  it('counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('form', 'from'), 1);
    assert.equal(editDistance('domian', 'domain'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('suggests close names and prefixes, case-insensitively', () => {
    assert.equal(didYouMean('form', ['id', 'kind', 'from', 'to']), 'from');
    assert.equal(didYouMean('ot', ['id', 'kind', 'from', 'to']), 'to');
    assert.equal(didYouMean('Layer', ['layers', 'rules']), 'layers');
    assert.equal(didYouMean('infrastructure', ['infra']), undefined);
    assert.equal(didYouMean('dom', ['ui', 'domain']), 'domain');
    assert.equal(didYouMean('no-cycles', ['no-cycle', 'layers']), 'no-cycle');
  });

  it('stays quiet when nothing is close', () => {
    assert.equal(didYouMean('xy', ['id', 'to']), undefined);
    assert.equal(didYouMean('banana', ['forbidden', 'allowed', 'layers', 'no-cycle', 'entry-point', 'no-unresolved']), undefined);
  });
});
