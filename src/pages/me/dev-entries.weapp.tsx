/** The weapp build has no local mode: nothing to show. */
export default function DevEntries() {
  return null
}
