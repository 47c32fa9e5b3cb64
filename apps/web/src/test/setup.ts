/**
 * jsdom lacks the layout APIs React Flow measures nodes with. Without these stubs React Flow renders no
 * edges and no handles, and a test would prove only that labels render.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    // Asynchronous, as in a browser: React Flow measures after the first paint.
    setTimeout(() => {
      this.callback(
        [{ target, contentRect: target.getBoundingClientRect() } as unknown as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }, 0);
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}
// biome-ignore lint/suspicious/noExplicitAny: test shim for a browser global
(globalThis as any).DOMMatrixReadOnly = DOMMatrixReadOnlyStub;

Object.defineProperties(globalThis.HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get() {
      return Number.parseFloat(this.style?.height) || 100;
    },
  },
  offsetWidth: {
    configurable: true,
    get() {
      return Number.parseFloat(this.style?.width) || 260;
    },
  },
});

// biome-ignore lint/suspicious/noExplicitAny: test shim for a browser API
(globalThis.SVGElement.prototype as any).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 });

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
}

afterEach(() => {
  cleanup();
});
