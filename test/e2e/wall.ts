import type { Page } from 'playwright-core';

/**
 * Every visible piece of text on the page smaller than `min` px, as the screen draws it: an
 * element's computed font-size, and for SVG text the size after the drawing's scale.
 */
export function smallTexts(page: Page, min: number): Promise<{ text: string; size: number }[]> {
  return page.evaluate((min) => {
    const out: { text: string; size: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      // Screen-reader-only text is clipped to nothing on purpose; it is not on the wall.
      if (el.closest('.sr-only, title, [hidden]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) size *= Math.abs(el.getScreenCTM()?.a ?? 1);
      if (size < min) out.push({ text: text.slice(0, 60), size: Math.round(size * 10) / 10 });
    }
    return out;
  }, min);
}

/** How far the page reaches down (its scrolling height), in CSS px. */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollHeight);
}
