import type { JSONContent } from '@tiptap/core';

/** The dash an attribution line starts with: an em dash, a horizontal bar, or two hyphens. */
export const ATTRIBUTION_DASH = /^(?:\u2014|\u2015|--)/;

/**
 * Drops the leading dash of an attribution, which is typography, not text, and any line break
 * before it. An attribution always has text: blocks without any are dropped before roles are given.
 */
export function withoutDash(inlines: JSONContent[]): JSONContent[] {
  const [first, ...rest] = inlines.slice(inlines.findIndex((node) => node.type === 'text'));
  const text = first.text!.replace(ATTRIBUTION_DASH, '').replace(/^\s*/, '');
  return text ? [{ ...first, text }, ...rest] : rest;
}
