/**
 * Helpers for page tests: a fake cloud answering per `function.action` (only the transport is replaced, so callAction,
 * the api modules and the pages run for real), the current page's query, and Taro H5's real modal.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import { transport } from '@/shared/cloud/call'
import { invalidRequest } from '../../../support/request-schemas'

export type CloudRequest = Record<string, unknown> & { action: string }
export type Reply = unknown | ((req: CloudRequest) => unknown)

/**
 * Answers calls by `name.action`; an unlisted call fails like a broken network, so a stray call shows up. Every
 * request is first parsed with the function's schema: one the function would refuse fails the test (thrown from the
 * page's call and recorded for the `afterEach` check below, since a page may swallow the error as a network failure).
 */
export function fakeCloud(routes: Record<string, Reply>) {
  const mock = jest.mocked(transport)
  mock.mockReset()
  mock.mockImplementation(async (name, data) => {
    const key = `${name}.${String(data.action)}`
    const invalid = invalidRequest(name, data)
    if (invalid) {
      const error = new Error(`invalid request ${key} ${JSON.stringify(data)}: ${invalid}`)
      invalidRequests.push(error)
      throw error
    }
    if (!(key in routes)) throw new Error(`unexpected call ${key}`)
    const reply = routes[key]
    return typeof reply === 'function' ? (reply as (r: CloudRequest) => unknown)(data as CloudRequest) : reply
  })
  return {
    /** The payloads sent to one `name.action`, in order. */
    calls(key: string): CloudRequest[] {
      return mock.mock.calls.filter(([name, data]) => `${name}.${String(data.action)}` === key).map(([, data]) => data as CloudRequest)
    },
  }
}

const invalidRequests: Error[] = []

// A page swallows a thrown transport error (CLIENT.NETWORK toast), so an invalid request fails the test here.
afterEach(() => {
  const [first] = invalidRequests.splice(0)
  if (first) throw first
})

export const ok = <T>(data: T) => ({ code: 0, data })
export const fail = (code: string, message: string, details?: unknown) =>
  details === undefined ? { code, message } : { code, message, details }

/** A reply the test releases later, to look at in-between states. */
export function deferred() {
  let release: (value: unknown) => void = () => undefined
  const promise = new Promise((resolve) => (release = resolve))
  return { reply: () => promise, release: (value: unknown) => release(value) }
}

export function setRouteParams(params: Record<string, string>): void {
  Current.router = { params, path: '/test', onReady: '', onHide: '', onShow: '', $taroPath: '/test' }
}

function visibleModal(): HTMLElement | null {
  const el = document.querySelector<HTMLElement>('.taro__modal')
  return el && el.style.display !== 'none' ? el : null
}

export function modalShown(): boolean {
  return visibleModal() !== null
}

/** The H5 modal hides on timers after a tap; wait for that so a test starts with no modal on screen. */
export async function modalClosed(): Promise<void> {
  await waitFor(() => expect(modalShown()).toBe(false))
}

/** Waits for Taro's modal to show `content`, then taps 确认 (confirm) or the cancel button. */
export async function answerModal(content: string | RegExp, confirm: boolean): Promise<void> {
  await waitFor(() => {
    const text = visibleModal()?.querySelector('.taro-modal__text')?.textContent ?? ''
    expect(typeof content === 'string' ? text : content.test(text) ? content.source : text).toBe(
      typeof content === 'string' ? content : content.source,
    )
  })
  const button = visibleModal()?.querySelector<HTMLElement>(confirm ? '.taro-model__confirm' : '.taro-model__cancel')
  button?.click()
}

/** Taro H5's toast puts its title in the DOM. */
export async function findToast(title: string): Promise<void> {
  await waitFor(() => {
    const toast = document.querySelector<HTMLElement>('.taro__toast')
    const shown = !!toast && toast.style.display !== 'none'
    expect(shown ? toast.textContent : '').toContain(title)
  })
}

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id)
  if (!el) throw new Error(`#${id} not found`)
  return el
}

export async function findById(id: string): Promise<HTMLElement> {
  return waitFor(() => byId(id))
}

/** Types into a Taro Input/Textarea rendered with `id` (the web component wraps a native input). */
export function inputOf(id: string): HTMLInputElement | HTMLTextAreaElement {
  const el = byId(id).querySelector('input, textarea')
  if (!el) throw new Error(`no input inside #${id}`)
  return el as HTMLInputElement
}

/** Types into a Taro Input/Textarea once its web component has rendered the native element. */
export async function typeInto(id: string, value: string): Promise<void> {
  const el = await waitFor(() => inputOf(id))
  fireEvent.input(el, { target: { value } })
}

export { screen }
