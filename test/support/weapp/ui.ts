/**
 * What a finger does on a built page: find an element by its id (Taro keeps component ids on the rendered nodes),
 * tap it, type into it, pick a value, or press an open-type button — dispatched through exparser like the client.
 */
import type { SimComponent } from '../simulate'
import type { OpenPage } from './app'
import type { WeChatDevice } from './device'

type Wrapped = SimComponent & { dom: HTMLElement }
type DomWithNode = HTMLElement & { __wxElement?: unknown }

/**
 * The rendered node whose component id is `id`. The DOM j-component renders does not carry ids as attributes, but
 * every node links to its exparser element, which does (and the DOM is flat across Taro's nested `comp` wrappers).
 */
export function element(page: OpenPage, id: string): HTMLElement | null {
  return findById(page.component.dom, id)
}

export function findById(root: HTMLElement | undefined, id: string): HTMLElement | null {
  if (!root) return null
  for (const node of Array.from(root.querySelectorAll('*')) as DomWithNode[]) {
    if ((node.__wxElement as { id?: string } | undefined)?.id === id) return node
  }
  return null
}

/** A j-component wrapper around a rendered DOM node, to dispatch events on it. */
function wrap(page: OpenPage, dom: DomWithNode): Wrapped {
  const Ctor = Object.getPrototypeOf(Object.getPrototypeOf(page.component)).constructor as new (node: unknown) => Wrapped
  if (!dom.__wxElement) throw new Error(`<${dom.tagName}> has no exparser node`)
  return new Ctor(dom.__wxElement)
}

function need(page: OpenPage, id: string): HTMLElement {
  const found = element(page, id)
  if (!found) throw new Error(`#${id} is not on ${page.route}; text: ${textOf(page).slice(0, 300)}`)
  return found
}

export function textOf(page: OpenPage, id?: string): string {
  const node = id ? element(page, id) : page.component.dom
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** Taps `#id`; a vant button or cell listens on its inner node, so the tap lands there as a finger's would. */
export function tap(page: OpenPage, id: string): void {
  const target = need(page, id)
  // A vant component's root node is its first child (simulate prefixes its classes, so no class selector finds it).
  const inner = /^van-/i.test(target.tagName) ? (target.firstElementChild as HTMLElement | null) : null
  wrap(page, inner ?? target).dispatchEvent('tap')
}

/** Types `value` into `#id` (an input or textarea, or the one inside it). */
export function typeInto(page: OpenPage, id: string, value: string): void {
  const target = need(page, id)
  const field = /(input|textarea)$/i.test(target.tagName)
    ? target
    : (target.querySelector('textarea, input, wx-textarea, wx-input') as HTMLElement)
  if (!field) throw new Error(`#${id} has no input`)
  wrap(page, field).dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })
  wrap(page, field).dispatchEvent('blur', { detail: { value } })
}

/** A `change` event with `detail` on `#id` (pickers, switches). */
export function change(page: OpenPage, id: string, detail: Record<string, unknown>): void {
  wrap(page, need(page, id)).dispatchEvent('change', { detail })
}

/**
 * Presses `<button open-type="getPhoneNumber">`: WeChat shows its own sheet, and on 允许 the button's event carries a
 * CloudID of the member's number (the emulator resolves it for this user within five minutes); on 拒绝 only errMsg.
 */
export function pressPhoneButton(device: WeChatDevice, page: OpenPage, id: string, allow = true): void {
  const button = need(page, id)
  const openType = propertyOf(button, 'openType')
  if (openType !== 'getPhoneNumber') throw new Error(`#${id} is not a getPhoneNumber button (open-type=${openType})`)
  const { phoneNumber } = device.persona
  const detail = allow
    ? {
        errMsg: 'getPhoneNumber:ok',
        cloudID: device.emu.openapi.issueCloudId(device.persona.openid, 'phoneNumber', {
          phoneNumber,
          purePhoneNumber: phoneNumber,
          countryCode: '86',
        }),
        encryptedData: '',
        iv: '',
      }
    : { errMsg: 'getPhoneNumber:fail user deny' }
  wrap(page, button).dispatchEvent('getphonenumber', { detail })
}

/** A property of a rendered node as its template set it (j-component keeps a native node's template attributes on its virtual node, not on the DOM). */
export function propertyOf(dom: HTMLElement, name: string): unknown {
  const node = (dom as DomWithNode).__wxElement as Record<string, unknown> | undefined
  const attrs = (node?._vt as { attrs?: { name: string; value: unknown }[] } | undefined)?.attrs ?? []
  return attrs.find((a) => a.name === name)?.value
}

/** Waits for asynchronous rendering and calls to reach a state (bounded; no fixed sleeps). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export async function waitForText(page: OpenPage, text: string, id?: string, timeoutMs?: number): Promise<void> {
  await waitFor(
    () => textOf(page, id).includes(text),
    `"${text}" shows on ${page.route}${id ? `#${id}` : ''}: ${textOf(page, id).slice(0, 200)}`,
    timeoutMs,
  )
}

export async function waitForElement(page: OpenPage, id: string, timeoutMs?: number): Promise<HTMLElement> {
  try {
    await waitFor(() => !!element(page, id), `#${id} renders on ${page.route}`, timeoutMs)
  } catch (err) {
    throw new Error(`${(err as Error).message}; the page shows: ${textOf(page).slice(0, 300)}`)
  }
  return element(page, id) as HTMLElement
}

/**
 * A finger on `#id` (a `<canvas>`): a DOM touch event whose touches carry x/y as a canvas's do (plus client/page
 * coordinates), caught by the page root's capture listener and handed to the template's bindtouch* handler like a
 * real touch. touchend has no touches left, only changedTouches.
 */
export function touch(page: OpenPage, id: string, name: 'touchstart' | 'touchmove' | 'touchend', at: { x: number; y: number }): void {
  const target = need(page, id)
  const point = { identifier: 0, x: at.x, y: at.y, clientX: at.x, clientY: at.y, pageX: at.x, pageY: at.y }
  const event = new Event(name, { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'touches', { value: name === 'touchend' ? [] : [point] })
  Object.defineProperty(event, 'changedTouches', { value: [point] })
  target.dispatchEvent(event)
}
