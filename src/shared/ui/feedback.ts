import Taro from '@tarojs/taro'

/**
 * The thin wrappers over WeChat's toast and modal that pages use, so every toast looks the same (no icon: WeChat
 * cuts an icon toast's title at 7 characters) and a confirmation reads as a boolean.
 */

/** A text toast. */
export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none' })
}

/** A toast with the success tick, for short titles (≤ 7 characters). */
export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success' })
}

/** The message of a failed call, as a toast. */
export function toastError(failure: { message: string }): void {
  toast(failure.message)
}

export interface ConfirmOptions {
  title: string
  content: string
  confirmText?: string
  cancelText?: string
  confirmColor?: string
}

/** Asks before an action; true when the user confirmed. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  return Taro.showModal(options).then((r) => r.confirm)
}

/** A notice with one button; resolves when it is dismissed. */
export function alert(options: { title: string; content: string; confirmText?: string }): Promise<void> {
  return Taro.showModal({ ...options, showCancel: false }).then(() => undefined)
}
