/**
 * Test environment of the weapp layer: Node's globals (the emulator, wx-server-sdk and its HTTP, FormData and Blob
 * stay exactly as in the node project) plus a jsdom window for miniprogram-simulate. jest's jsdom environment would
 * replace the global with the window, and the SDK's open-API calls then fail inside the seed data (-501001).
 */
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node')
const { JSDOM } = require('jsdom')

/** DOM classes j-component and exparser construct and dispatch: they must be jsdom's, not Node's look-alikes. */
const DOM_OWNED = ['Event', 'CustomEvent', 'EventTarget', 'MouseEvent', 'KeyboardEvent', 'UIEvent', 'FocusEvent', 'TouchEvent']

class NodeWithDomEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context)
    this.dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' })
    const win = this.dom.window
    const g = this.global
    for (const key of Object.getOwnPropertyNames(win)) {
      if (key in g && !DOM_OWNED.includes(key)) continue
      if (key === 'undefined' || key === 'window' || key === 'self' || key === 'globalThis') continue
      try {
        const value = win[key]
        g[key] = typeof value === 'function' && /^[a-z]/.test(key) ? value.bind(win) : value
      } catch {
        // Some window getters throw outside a browsing context; simulate does not use them.
      }
    }
    g.window = g
    g.self = g
    g.document = win.document
    g.navigator = win.navigator
    g.getComputedStyle = win.getComputedStyle.bind(win)
  }

  async teardown() {
    this.dom.window.close()
    await super.teardown()
  }
}

module.exports = NodeWithDomEnvironment
