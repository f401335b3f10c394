/**
 * What functions run in the page (page.evaluate) use of the browser's globals. The project
 * compiles without the DOM library, so that server code cannot lean on browser globals by mistake;
 * page functions reach them as `(globalThis as unknown as PageGlobals)`, a cast that compiles away.
 */
export interface PageGlobals {
  getComputedStyle(element: unknown): { color: string; stroke: string; borderTopColor: string };
  /** Set by a test to prove the page was not reloaded. */
  loadedOnce?: string;
  /** Set by a hostile manifest's markup, if it ever ran. */
  pwned?: number;
}

/** An SVG path in the page. */
export interface SvgPath {
  getTotalLength(): number;
}
