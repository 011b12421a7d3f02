import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrastRatio, flatten, withContrast } from './contrast.ts';

test('contrast ratios as WCAG (and axe) measure them', () => {
  assert.equal(contrastRatio('#000', '#fff'), 21);
  assert.equal(contrastRatio('#fff', '#000'), 21);
  // axe truncates: it reports these two as 3.48 and 3.04.
  assert.equal(Math.floor(contrastRatio('#e36209', '#ffffff') * 100), 348);
  assert.equal(Math.floor(contrastRatio('#6a737d', '#24292e') * 100), 304);
});

test('a translucent colour is measured as painted over its background', () => {
  assert.equal(flatten('#00000080', '#ffffff'), '#7f7f7f');
  assert.equal(flatten('#123', '#fff'), '#112233');
});

test('withContrast keeps a colour that passes, and darkens or lightens one that fails just enough', () => {
  assert.equal(withContrast('#24292e', ['#ffffff'], 4.5), '#24292e');
  const orange = withContrast('#e36209', ['#ffffff'], 4.5);
  assert.ok(contrastRatio(orange, '#ffffff') >= 4.5);
  assert.ok(contrastRatio(orange, '#ffffff') < 4.8, `${orange} moved further than needed`);
  const comment = withContrast('#6a737d', ['#24292e', '#2b3036'], 4.5);
  assert.ok(contrastRatio(comment, '#2b3036') >= 4.5);
  assert.throws(() => withContrast('#000', [], 4.5), RangeError);
  assert.throws(() => withContrast('red', ['#fff'], 4.5), TypeError);
});
