import type { PickedFile } from './picked-file'

/**
 * H5 (local mode): a hidden file input; each chosen file becomes a blob URL that `uploadFile` reads.
 * Resolves with nothing when the admin closes the dialog without choosing.
 */
export function pickFiles(max: number): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = max > 1
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, max)
      input.remove()
      resolve(files.map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size })))
    })
    input.addEventListener('cancel', () => {
      input.remove()
      resolve([])
    })
    document.body.appendChild(input)
    input.click()
  })
}
