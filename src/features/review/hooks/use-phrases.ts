import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { listPhrases } from '../api'

/** The teacher's quick phrases; read again when the page shows (back from managing them). */
export function usePhrases() {
  const [phrases, setPhrases] = useState<string[]>([])
  const shown = useRef(false)
  const load = useCallback(async () => {
    const res = await listPhrases()
    if (res.code === 0) setPhrases(res.data.phrases)
  }, [])
  useEffect(() => void load(), [load])
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })
  return phrases
}
