import { useRef, useState } from 'react'
import { newRequestId } from '.'

/**
 * One form's submissions: the request id it was opened with (every try sends it, so the server creates one record
 * however often it arrives) and an in-flight guard that a double tap cannot slip past. React state alone lets a second
 * tap of the same frame through (the first tap's setState has not rendered yet); the ref closes it synchronously.
 * `busy` drives the button's loading state; `renew` starts a new record (a form that creates several, one after another).
 */
export function useSubmission() {
  const requestId = useRef(newRequestId())
  const inFlight = useRef(false)
  const [busy, setBusy] = useState(false)
  async function run<T>(work: (requestId: string) => Promise<T>): Promise<T | undefined> {
    if (inFlight.current) return undefined
    inFlight.current = true
    setBusy(true)
    try {
      return await work(requestId.current)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }
  const renew = () => {
    requestId.current = newRequestId()
  }
  return { busy, run, renew }
}
