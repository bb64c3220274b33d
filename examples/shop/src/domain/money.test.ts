import { strict as assert } from 'assert';
import { add, money, multiply } from './money';

describe('money', () => {
  it('adds amounts of one currency', () => {
    assert.deepEqual(add(money(150), money(250)), money(400));
  });

  // TODO: property-based tests for rounding
  it('rounds to whole cents', () => {
    assert.equal(multiply(money(999), 0.19).amount, 190);
  });
});
