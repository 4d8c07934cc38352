import { useRef, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { MemberPick } from '@cloud/contracts/identity'
import Button from '@/shared/ui/button'
import { searchMembers } from './api'
import './index.scss'

export interface MemberPickerProps {
  /** Prefix of the element ids (`{id}-input`, `{id}-search`, `{id}-row-{n}`), for tests and the e2e. */
  id: string
  placeholder?: string
  /** Tapping a result picks it; the picker keeps its results so another can be picked. */
  onPick: (member: MemberPick) => void
  /** Marks rows already chosen (e.g. teachers of the period) and keeps them from being picked again. */
  isPicked?: (member: MemberPick) => boolean
  pickedLabel?: string
}

type Results = { status: 'idle' } | { status: 'searching' } | { status: 'ok'; items: MemberPick[] } | { status: 'error'; message: string }

/** Search by nickname or the last digits of a phone number, then tap a member: nobody types an id. */
export default function MemberPicker({
  id,
  placeholder = '输入昵称或手机尾号',
  onPick,
  isPicked,
  pickedLabel = '已选择',
}: MemberPickerProps) {
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Results>({ status: 'idle' })
  const asked = useRef(0)

  const search = async () => {
    const q = query.trim()
    if (!q) return setResults({ status: 'error', message: '请输入昵称或手机尾号' })
    const ask = ++asked.current
    setResults({ status: 'searching' })
    const res = await searchMembers(q)
    if (ask !== asked.current) return
    setResults(res.code === 0 ? { status: 'ok', items: res.data.items } : { status: 'error', message: res.message })
  }

  return (
    <View className='member-picker'>
      <View className='member-picker__bar'>
        <Input
          id={`${id}-input`}
          className='member-picker__input'
          value={query}
          placeholder={placeholder}
          maxlength={20}
          confirmType='search'
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button
          id={`${id}-search`}
          size='small'
          type='primary'
          round
          loading={results.status === 'searching'}
          onClick={() => void search()}
        >
          搜索
        </Button>
      </View>
      {results.status === 'searching' ? <View className='member-picker__note'>搜索中…</View> : null}
      {results.status === 'error' ? <View className='member-picker__note member-picker__note--error'>{results.message}</View> : null}
      {results.status === 'ok' && results.items.length === 0 ? (
        <View className='member-picker__note'>没有找到匹配的学员，换个昵称或手机尾号试试</View>
      ) : null}
      {results.status === 'ok'
        ? results.items.map((m, i) => {
            const picked = isPicked?.(m) ?? false
            return (
              <View
                role='button'
                key={m.handle}
                id={`${id}-row-${i}`}
                className={`member-picker__row${picked ? ' member-picker__row--picked' : ''}`}
                onClick={() => (picked ? undefined : onPick(m))}
              >
                <View className='member-picker__avatar'>{m.nickname.slice(0, 1)}</View>
                <View className='member-picker__main'>
                  <View className='member-picker__name'>{m.nickname}</View>
                  <View className='member-picker__meta'>
                    {m.roles.map((r) => r.label).join(' · ')}
                    {m.phoneTail ? ` · 手机尾号 ${m.phoneTail}` : ''}
                  </View>
                </View>
                <View className='member-picker__action'>{picked ? pickedLabel : '选择'}</View>
              </View>
            )
          })
        : null}
    </View>
  )
}
