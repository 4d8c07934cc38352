/** An image an HTML canvas can draw and export (CORS-enabled, so toDataURL is allowed), for the H5 drawing code. */
export function loadHtmlImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.crossOrigin = 'anonymous'
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error(`image did not load: ${src}`))
    img.src = src
  })
}
