import { waitFor } from '@testing-library/react'

/**
 * Taro H5's real previewImage (what `Taro.previewImage` is in the pages project) mounts a `.preview-image` overlay
 * with one image per url in a swiper. `watchImageViewer()` before the tap, `openedViewer()` after it: the viewer's
 * image sources and the one it starts on; the overlay is removed. The swiper's own start-up complains in jsdom (it
 * measures slides that have no layout): only that complaint is kept off the console.
 */
export function watchImageViewer(): void {
  const original = console.error
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (args.some((a) => a instanceof Error && a.stack?.includes('taro-swiper-core'))) return
    original(...args)
  })
}

export async function openedViewer(): Promise<{ srcs: string[]; current: number }> {
  const viewer = await waitFor(() => {
    const el = document.querySelector('.preview-image')
    if (!el) throw new Error('no image viewer')
    return el
  })
  const swiper = viewer.querySelector('taro-swiper-core') as unknown as { current: number }
  const srcs = [...viewer.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '')
  viewer.remove()
  return { srcs, current: swiper.current }
}
