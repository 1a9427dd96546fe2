import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WRITER_COLORS, isWriterColor, leastUsedColor } from '@model/identity/writerColors';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
/** Hue in degrees of a #rrggbb colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

test('every caret colour reads at 3:1 or better on the light page, on the dark page and under a white label', () => {
  for (const color of WRITER_COLORS) {
    assert.ok(contrast(color, '#ffffff') >= 3, `${color} on the light page`);
    assert.ok(contrast(color, '#23211e') >= 3, `${color} on the dark page`);
  }
});

test('no two caret colours are within 25° of hue (no orange beside an amber)', () => {
  for (const a of WRITER_COLORS) {
    for (const b of WRITER_COLORS) {
      if (a === b) continue;
      const apart = Math.min(Math.abs(hue(a) - hue(b)), 360 - Math.abs(hue(a) - hue(b)));
      assert.ok(apart >= 25, `${a} and ${b} are ${apart.toFixed(0)}° apart`);
    }
  }
});

test('a new writer gets a colour none of their co-writers has while one is free, and the fewest-used after', () => {
  const taken = WRITER_COLORS.slice(0, 5);
  const chosen = leastUsedColor(taken, 'writer-1');
  assert.ok(isWriterColor(chosen) && !taken.includes(chosen));
  // Every colour used once, one twice: any but that one.
  const all = [...WRITER_COLORS, WRITER_COLORS[3]];
  assert.notEqual(leastUsedColor(all, 'writer-2'), WRITER_COLORS[3]);
  // With nobody around, different accounts start at different colours.
  const firsts = new Set(Array.from({ length: 30 }, (_, i) => leastUsedColor([], `account-${i}`)));
  assert.ok(firsts.size >= 5, `only ${firsts.size} distinct first colours`);
  assert.equal(isWriterColor('#123456'), false);
});
