import { useCallback, useEffect, useState } from 'react'
import { useOnReturn } from '@/shared/route'
import { listPhrases } from '../api'

/**
 * The teacher's quick phrases; read again on return (back from managing them). The review page renders inside
 * TeacherGate, after the page's first show, so this keys on useOnReturn ("hidden since mount") rather than counting
 * shows — counting took the first return for the first show and new phrases needed a reload.
 */
export function usePhrases() {
  const [phrases, setPhrases] = useState<string[]>([])
  const load = useCallback(async () => {
    const res = await listPhrases()
    if (res.code === 0) setPhrases(res.data.phrases)
  }, [])
  useEffect(() => void load(), [load])
  useOnReturn(() => void load())
  return phrases
}
