/**
 * Shared plumbing for the `ui` jest project (miniprogram-simulate 1.6.2 on jsdom).
 */
/*
 * The parts of miniprogram-simulate 1.6.2 (and its j-component) these helpers use. Its own typings import
 * miniprogram-api-typings, whose global `require`, `wx` and `Component` declarations clash with Node's and Taro's.
 */

/** A rendered component (j-component's wrapper). */
export interface SimComponent {
  readonly dom: HTMLElement | undefined
  readonly data: Record<string, unknown>
  querySelector(selector: string): SimComponent | undefined
  dispatchEvent(eventName: string, options?: object): void
  setData(data: Record<string, unknown>): void
  attach(parent: Node): void
  detach(): void
}

export interface LoadOptions {
  /** Project root for absolute `usingComponents` paths and for the wxml compiler. */
  rootPath?: string
  /** Explicit file lists for the official compiler (paths relative to rootPath, with extension). */
  compilerOptions?: { wxmlList?: string[]; wxsList?: string[] }
  /** Extra `usingComponents` applied to every loaded component, like app.json's global ones. */
  usingComponents?: Record<string, string>
}

export interface Simulate {
  load(componentPath: string, options?: LoadOptions): string
  render(componentId: string, properties?: Record<string, unknown>): SimComponent
}

/**
 * A fresh miniprogram-simulate. simulate runs each component's js with `require` and then deletes it from
 * `require.cache` so the next load runs it again; jest keeps its own module registry and ignores that, so a
 * second load would silently register nothing. Resetting the registry first makes every load real.
 */
export function freshSimulate(): Simulate {
  jest.resetModules()
  return jest.requireActual<Simulate>('miniprogram-simulate')
}

/** Renders a loaded component and attaches it, which runs its `attached` lifetimes like a page being shown. */
export function renderAttached(simulate: Simulate, componentId: string): SimComponent {
  const component = simulate.render(componentId)
  component.attach(document.createElement('parent-wrapper'))
  return component
}

/** Waits for asynchronous rendering (React commits, Taro's setData batching, promises) to reach a state. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Visible text of a rendered node with template whitespace collapsed. */
export function textOf(component: SimComponent | undefined): string {
  return (component?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim()
}
